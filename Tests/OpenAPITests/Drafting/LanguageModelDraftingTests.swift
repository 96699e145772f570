import OpenAPI
import Testing

@Suite struct LanguageModelDraftingTests {
    @Test func readsADocumentFencedInProse() throws {
        let answer = """
            Here is the schema:
            ```json
            {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "servers": [{"url": "https://api.t.test"}],
             "paths": {"/a/{id}": {"parameters": [], "get": {"summary": "Get A", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "ok"}}}}}}
            ```
            """
        let draft = try LanguageModelDrafting.draft(fromAnswer: answer)
        #expect(draft.report.endpoints == [DraftedEndpoint(method: "GET", path: "/a/{id}", summary: "Get A", parameterNames: ["id"])])
        #expect(draft.report.baseURL == "https://api.t.test")
        let result = OpenAPIImporter().import(data: Array(draft.jsonText.utf8), sourceURL: nil)
        #expect(result.document?.operations.count == 1)
    }

    @Test(arguments: ["I cannot help with that.", "{\"openapi\": \"3.0.3\", ", "{\"swagger\": \"2.0\"}"])
    func refusesAnAnswerWithoutAnOpenAPI3Document(answer: String) {
        #expect(throws: DraftingError.self) { try LanguageModelDrafting.draft(fromAnswer: answer) }
    }

    @Test func promptKeepsCorrectionsAndTheStartingDraftWithinTheBudget() {
        let messages: [DraftMessage] = [
            .documentation(DocumentationPiece(source: "long.html", text: String(repeating: "GET /x\n", count: 1_000))),
            .correction("call it Acme"),
        ]
        let start = OfflineSchemaDrafter().draftNow(messages)
        let prompt = LanguageModelDrafting.prompt(for: messages, startingDraft: start, maximumCharacters: 2_000)
        #expect(prompt.contains("Correction from the user:\ncall it Acme"))
        #expect(prompt.contains("\"title\": \"Acme\""))
        #expect(prompt.count < 2_000 + 200)
    }
}
