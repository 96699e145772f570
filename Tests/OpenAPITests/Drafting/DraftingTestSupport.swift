import OpenAPI
import Testing

/// Drafting helpers: draft, then import the draft as the product does.
enum DraftingTestSupport {
    /// Drafts `messages` offline and imports the draft, requiring an import with no warnings
    /// other than those at `allowedWarningPointers` (`/servers` when the text gives no URL).
    static func draftAndImport(_ messages: [DraftMessage], allowedWarningPointers: Set<String> = []) throws -> (
        SchemaDraft, APIDocument
    ) {
        let draft = try OfflineSchemaDrafter().draft(messages)
        let result = OpenAPIImporter().import(data: Array(draft.jsonText.utf8), sourceURL: nil)
        let document = try #require(result.document, "the draft did not import: \(String(describing: result.failure))\n\(draft.jsonText)")
        let warnings = result.diagnostics.filter { $0.severity == .warning && !allowedWarningPointers.contains($0.pointer) }
        #expect(warnings.isEmpty, "import warnings: \(warnings)\n\(draft.jsonText)")
        return (draft, document)
    }

    /// Drafts one documentation text.
    static func draftAndImport(_ text: String, allowedWarningPointers: Set<String> = []) throws -> (SchemaDraft, APIDocument) {
        try draftAndImport(
            [.documentation(DocumentationPiece(source: "test", text: text))], allowedWarningPointers: allowedWarningPointers)
    }
}

extension APIDocument {
    /// The operation at `method` and `path`, if the document has it.
    func operation(_ method: APIOperation.Method, _ path: String) -> APIOperation? {
        operations.first { $0.method == method && $0.pathTemplate == path }
    }
}

extension APIOperation {
    /// The parameter named `name` in `location`.
    func parameter(_ name: String, in location: Parameter.Location) -> Parameter? {
        parameters.first { $0.name == name && $0.location == location }
    }

    /// The request body's schema for `contentType`.
    func bodySchema(_ contentType: String) -> Schema? {
        requestBody?.content.first { $0.contentType == contentType }?.schema
    }
}
