/// A body's schema for one content type.
public struct MediaType: Sendable, Hashable, Codable {
    /// The content type, for example `application/json`.
    public var contentType: String
    /// The body's schema, when the document gives one.
    public var schema: Schema?

    /// Creates a media type.
    public init(contentType: String, schema: Schema?) {
        self.contentType = contentType
        self.schema = schema
    }
}
