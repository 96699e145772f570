/// What an operation accepts as its body, per content type.
public struct RequestBody: Sendable, Hashable, Codable {
    /// `description`.
    public var description: String?
    /// Whether a body must be sent.
    public var isRequired: Bool
    /// The accepted content types in document order, each with its (inlined) schema.
    public var content: [MediaType]

    /// Creates a request body.
    public init(description: String?, isRequired: Bool, content: [MediaType]) {
        self.description = description
        self.isRequired = isRequired
        self.content = content
    }
}
