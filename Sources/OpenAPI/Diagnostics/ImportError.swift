/// Why a document could not be imported at all; recoverable problems are `Diagnostic`s instead.
public enum ImportError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The bytes are neither JSON nor YAML; `line` and `column` are 1-based.
    case unreadable(message: String, line: Int, column: Int)
    /// The document is empty.
    case empty
    /// The document parses but is not an OpenAPI or Swagger document.
    case notOpenAPI(String)
    /// The `openapi` or `swagger` field names a version this importer does not support.
    case unsupportedVersion(String)
    /// The document could not be fetched.
    case unavailable(String)

    /// One line for an admin.
    public var description: String {
        switch self {
        case .unreadable(let message, let line, let column):
            return "not valid JSON or YAML at line \(line), column \(column): \(message)"
        case .empty:
            return "the document is empty"
        case .notOpenAPI(let reason):
            return "not an OpenAPI document: \(reason)"
        case .unsupportedVersion(let version):
            return "unsupported OpenAPI version \"\(version)\" (supported: Swagger 2.0, OpenAPI 3.0.x and 3.1.x)"
        case .unavailable(let reason):
            return "the document could not be read: \(reason)"
        }
    }
}
