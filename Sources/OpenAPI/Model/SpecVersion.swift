/// The specification a document follows, read from its `swagger` or `openapi` field.
public struct SpecVersion: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The specification family.
    public enum Family: String, Sendable, Hashable, Codable {
        /// Swagger 2.0 (OpenAPI 2.0).
        case swagger2
        /// OpenAPI 3.0.x.
        case openAPI30
        /// OpenAPI 3.1.x.
        case openAPI31
    }

    /// The family, which decides how the document is translated.
    public var family: Family
    /// The version exactly as the document states it, for example "3.0.3".
    public var text: String

    /// Creates a version.
    public init(family: Family, text: String) {
        self.family = family
        self.text = text
    }

    /// "Swagger 2.0", "OpenAPI 3.0.3".
    public var description: String {
        family == .swagger2 ? "Swagger \(text)" : "OpenAPI \(text)"
    }
}
