import OpenAPI

/// Drafts with a language model (the configured provider): the offline draft goes along as a
/// starting point, and the model's answer is read back as an OpenAPI document. When the model
/// answers with something that is not a document, the offline draft stands, with a note.
public struct LanguageModelSchemaDrafter: SchemaDrafter {
    public let model: any LanguageModel

    public init(model: any LanguageModel) { self.model = model }

    public func draft(_ messages: [DraftMessage]) throws(DraftingError) -> SchemaDraft {
        let start = OfflineSchemaDrafter().draftNow(messages)
        let turn: ModelTurn
        do {
            turn = try model.respond(
                to: [.system(LanguageModelDrafting.instructions), .user(LanguageModelDrafting.prompt(for: messages, startingDraft: start))],
                tools: [])
        } catch {
            throw DraftingError("The language model could not draft the schema: \(error)")
        }
        guard case .text(let answer) = turn else { return Self.noted(start, "The model answered without a schema; this is the built-in draft.") }
        do {
            return try LanguageModelDrafting.draft(fromAnswer: answer)
        } catch {
            return Self.noted(start, "The model's answer was not a usable schema (\(error.message)); this is the built-in draft.")
        }
    }

    private static func noted(_ draft: SchemaDraft, _ note: String) -> SchemaDraft {
        var draft = draft
        draft.report.notUnderstood.insert(note, at: 0)
        return draft
    }
}
