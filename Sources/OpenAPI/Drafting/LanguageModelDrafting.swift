import YAML

/// The pure parts of a language-model drafter: the instructions and prompt it sends, and how it
/// reads the model's answer into a ``SchemaDraft``. A drafter conforming to ``SchemaDrafter``
/// calls its model between the two.
///
/// ```swift
/// struct ModelSchemaDrafter: SchemaDrafter {
///     let model: SomeChatModel
///     func draft(_ messages: [DraftMessage]) throws(DraftingError) -> SchemaDraft {
///         let start = OfflineSchemaDrafter().draftNow(messages)
///         let prompt = LanguageModelDrafting.prompt(for: messages, startingDraft: start)
///         let answer = try model.complete(system: LanguageModelDrafting.instructions, user: prompt)  // map its errors
///         return try LanguageModelDrafting.draft(fromAnswer: answer)
///     }
/// }
/// ```
public enum LanguageModelDrafting {
    /// The system instructions for the model.
    public static let instructions = """
        You turn API documentation into an OpenAPI 3.0.3 document. Answer with one JSON object and nothing else.
        Include every endpoint the documentation describes, with its parameters (name, in, required, schema), \
        request body and response schemas from the examples, `servers` with the base URL, and \
        `components.securitySchemes` for the authentication it describes. Never invent endpoints. Apply the \
        user's corrections, the latest last. Put no secrets or example keys in the document.
        """

    /// The user content: the documentation and corrections in order, cut to `maximumCharacters`
    /// (oldest documentation cut first, corrections kept), and a rule-based draft to start from.
    public static func prompt(for messages: [DraftMessage], startingDraft: SchemaDraft? = nil, maximumCharacters: Int = 60_000) -> String {
        var sections: [String] = []
        for message in messages {
            switch message {
            case .documentation(let piece): sections.append("Documentation (\(piece.source)):\n\(piece.text)")
            case .correction(let text): sections.append("Correction from the user:\n\(text)")
            }
        }
        if let startingDraft {
            sections.append("A rule-based draft to correct and complete:\n\(startingDraft.jsonText)")
        }
        var budget = maximumCharacters
        var kept: [String] = []
        // The newest sections and the draft matter most: fill the budget from the end.
        for section in sections.reversed() {
            guard budget > 0 else { break }
            let isCorrection = section.hasPrefix("Correction from the user:")
            let text = section.count <= budget || isCorrection ? section : String(section.prefix(budget)) + "\n[cut]"
            kept.append(text)
            budget -= text.count
        }
        return kept.reversed().joined(separator: "\n\n---\n\n")
    }

    /// The draft in a model's answer: the JSON object in it (a Markdown fence around it is
    /// allowed), which must be an OpenAPI 3 document; the report lists its operations.
    public static func draft(fromAnswer answer: String) throws(DraftingError) -> SchemaDraft {
        guard let open = answer.firstIndex(of: "{"), let close = answer.lastIndex(of: "}"), open < close else {
            throw DraftingError("The model answered without an OpenAPI document.")
        }
        let value: OrderedValue
        do {
            value = try JSONReader().read(Array(answer[open...close].utf8))
        } catch {
            throw DraftingError("The model's document is not valid JSON (\(error)).")
        }
        guard case .object(let document) = value, document["openapi"]?.stringValue?.hasPrefix("3.") == true else {
            throw DraftingError("The model's answer is not an OpenAPI 3 document.")
        }
        var endpoints: [DraftedEndpoint] = []
        for path in document["paths"]?.objectValue?.entries ?? [] {
            for operation in path.value.objectValue?.entries ?? [] where DraftText.methods.contains(operation.key.uppercased()) {
                let names = operation.value["parameters"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
                endpoints.append(
                    DraftedEndpoint(
                        method: operation.key.uppercased(), path: path.key, summary: operation.value["summary"]?.stringValue,
                        parameterNames: names))
            }
        }
        let baseURL = document["servers"]?.arrayValue?.first?["url"]?.stringValue
        let report = DraftReport(endpoints: endpoints, baseURL: baseURL, appliedCorrections: [], notUnderstood: [])
        return SchemaDraft(jsonText: value.prettyJSONText, report: report)
    }
}
