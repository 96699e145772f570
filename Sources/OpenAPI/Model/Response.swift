/// One documented response of an operation.
public struct Response: Sendable, Hashable, Codable {
    /// The status code as written: "200", "4XX" or "default".
    public var statusCode: String
    /// `description`.
    public var description: String?
    /// The response bodies per content type; schemas keep `$ref`s as references into
    /// `APIDocument.schemas` (responses are shaped, not validated, so they are not inlined).
    public var content: [MediaType]

    /// Creates a response.
    public init(statusCode: String, description: String?, content: [MediaType]) {
        self.statusCode = statusCode
        self.description = description
        self.content = content
    }
}
