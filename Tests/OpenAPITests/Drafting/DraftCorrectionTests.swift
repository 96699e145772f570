import OpenAPI
import Testing

@Suite struct DraftCorrectionTests {
    private let documentation = DraftMessage.documentation(DocumentationPiece(source: "notes.md", text: DocumentationSamples.markdownPage))

    @Test func appliesPlainLanguageCorrections() throws {
        let (draft, document) = try DraftingTestSupport.draftAndImport([
            documentation,
            .correction("the base URL is https://notes.example.test/api/v2"),
            .correction("`/notes/{id}` also takes `expand`"),
            .correction("remove /internal/health"),
            .correction("call it Acme Notes"),
        ])
        #expect(document.baseURL == "https://notes.example.test/api/v2")
        #expect(document.title == "Acme Notes")
        #expect(document.operation(.get, "/internal/health") == nil)
        #expect(document.operations.count == 4)
        // No GET at /notes/{id}: the parameter goes to every method there.
        #expect(document.operation(.patch, "/notes/{id}")?.parameter("expand", in: .query) != nil)
        #expect(document.operation(.delete, "/notes/{id}")?.parameter("expand", in: .query) != nil)
        #expect(draft.report.appliedCorrections.count == 4)
    }

    @Test func addsAParameterToTheReadWhenAPathHasSeveralMethods() throws {
        let (_, document) = try DraftingTestSupport.draftAndImport(
            [
                .documentation(DocumentationPiece(source: "t", text: "GET /orders/{id}\nDELETE /orders/{id}")),
                .correction("/orders/{order} also accepts a required `include` header"),
            ], allowedWarningPointers: ["/servers"])
        #expect(document.operation(.get, "/orders/{id}")?.parameter("include", in: .header)?.isRequired == true)
        #expect(document.operation(.delete, "/orders/{id}")?.parameter("include", in: .header) == nil)
    }

    @Test func reportsACorrectionThatMatchesNothing() throws {
        let draft = try OfflineSchemaDrafter().draft([documentation, .correction("remove /billing/invoices")])
        #expect(draft.report.appliedCorrections.isEmpty)
        #expect(draft.report.notUnderstood.contains("No endpoint matches /billing/invoices to remove."))
    }

    @Test func readsAMessageThatIsNoCorrectionAsMoreDocumentation() throws {
        let (draft, _) = try DraftingTestSupport.draftAndImport([documentation, .correction("There is also GET /notes/:id/history")])
        #expect(draft.report.endpoints.contains { $0.description == "GET /notes/{id}/history" })
    }

    @Test func reportsAMessageItCannotUse() throws {
        let draft = try OfflineSchemaDrafter().draft([documentation, .correction("make it nicer please")])
        #expect(draft.report.notUnderstood.contains { $0.contains("make it nicer please") })
    }
}
