import OpenAPI

/// The "Ask" schema builder: drafts an OpenAPI document from the conversation so far with a
/// ``SchemaDrafter`` and runs the draft through ``OpenAPIImporter``, so what is shown has been
/// checked by the same engine that imports schemas.
///
/// The built-in ``OfflineSchemaDrafter`` is the default; a language-model drafter is passed in
/// when a provider is configured.
///
/// ```swift
/// let builder = SchemaBuilder()
/// let checked = try builder.draft([.documentation(piece), .correction("call it Acme Orders")])
/// checked.draft.jsonText; checked.importResult.diagnostics; checked.problem
/// ```
public struct SchemaBuilder: Sendable {
    /// Drafts the document.
    public var drafter: any SchemaDrafter
    /// Checks the draft.
    public var importer: OpenAPIImporter

    /// Creates a builder.
    public init(drafter: any SchemaDrafter = OfflineSchemaDrafter(), importer: OpenAPIImporter = OpenAPIImporter()) {
        self.drafter = drafter
        self.importer = importer
    }

    /// Drafts from `messages` (documentation and corrections, oldest first) and checks the draft.
    public func draft(_ messages: [DraftMessage]) throws(DraftingError) -> CheckedSchemaDraft {
        let draft = try drafter.draft(messages)
        let result = importer.import(data: Array(draft.jsonText.utf8), sourceURL: nil)
        return CheckedSchemaDraft(draft: draft, importResult: result)
    }
}

/// A draft and what the OpenAPI engine made of it.
public struct CheckedSchemaDraft: Sendable {
    /// The draft and its report.
    public var draft: SchemaDraft
    /// The import of the draft: the document with named actions, and its diagnostics.
    public var importResult: ImportResult

    /// Creates a checked draft.
    public init(draft: SchemaDraft, importResult: ImportResult) {
        self.draft = draft
        self.importResult = importResult
    }

    /// What stops the draft from being used, for the admin; nil when it has endpoints and imports.
    public var problem: String? {
        if let failure = importResult.failure { return "The draft is not a usable OpenAPI document: \(failure)." }
        guard let document = importResult.document, !document.operations.isEmpty else {
            return "No API endpoints were found yet. Paste the API reference, a curl example or lines such as "
                + "`GET /v1/orders/{id}`, give the address of the documentation page, or upload it as a PDF."
        }
        return nil
    }
}
