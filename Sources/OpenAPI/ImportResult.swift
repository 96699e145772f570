/// What an import produced: the document, or why there is none, and the problems found.
public struct ImportResult: Sendable {
    /// The imported API; `nil` exactly when `failure` is set.
    public var document: APIDocument?
    /// Why the input could not be used at all.
    public var failure: ImportError?
    /// Recoverable problems, in the order found; the import went on past each.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(document: APIDocument?, failure: ImportError?, diagnostics: [Diagnostic]) {
        self.document = document
        self.failure = failure
        self.diagnostics = diagnostics
    }
}
