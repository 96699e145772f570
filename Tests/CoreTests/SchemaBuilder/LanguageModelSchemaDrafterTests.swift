import Core
import OpenAPI
import Synchronization
import Testing

@Suite struct LanguageModelSchemaDrafterTests {
    /// Answers every prompt with fixed text and keeps what it was asked.
    final class ScriptedModel: LanguageModel {
        let answer: String
        let prompts = Mutex<[String]>([])

        init(answer: String) { self.answer = answer }

        func respond(to conversation: [ModelMessage], tools: [ToolDescription]) throws(ModelError) -> ModelTurn {
            prompts.withLock { list in
                for case .user(let text) in conversation { list.append(text) }
            }
            return .text(answer)
        }

        func summarize(result: ToolResult, of tool: ToolDescription?, conversation: [ModelMessage]) throws(ModelError) -> Summary {
            ResultSummarizer().summary(of: result, tool: tool)
        }
    }

    static let documentation = DraftMessage.documentation(DocumentationPiece(source: "notes", text: "GET https://api.notes.test/v1/notes"))

    @Test func usesTheModelsDocumentAndShowsItTheOfflineDraft() throws {
        let answer = """
            Here is the schema:
            ```json
            {"openapi": "3.0.3", "info": {"title": "Notes by the model", "version": "1"},
             "servers": [{"url": "https://api.notes.test/v1"}],
             "paths": {"/notes": {"get": {"summary": "List notes", "responses": {"200": {"description": "ok"}}}},
                       "/notes/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                                               "responses": {"200": {"description": "ok"}}}}}}
            ```
            """
        let model = ScriptedModel(answer: answer)
        let checked = try SchemaBuilder(drafter: LanguageModelSchemaDrafter(model: model)).draft([Self.documentation])
        #expect(checked.importResult.document?.title == "Notes by the model")
        #expect(checked.importResult.document?.operations.count == 2)
        #expect(model.prompts.withLock { $0.first?.contains("/notes") } == true)
    }

    @Test func fallsBackToTheOfflineDraftWithANoteWhenTheAnswerIsNotADocument() throws {
        let checked = try SchemaBuilder(drafter: LanguageModelSchemaDrafter(model: ScriptedModel(answer: "I cannot help with that."))).draft([Self.documentation])
        #expect(checked.importResult.document?.operations.count == 1)
        #expect(checked.draft.report.notUnderstood.first?.contains("built-in draft") == true)
    }
}
