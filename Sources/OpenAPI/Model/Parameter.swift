/// A path, query, header or cookie parameter of an operation.
public struct Parameter: Sendable, Hashable, Codable {
    /// Where the parameter goes.
    public enum Location: String, Sendable, Hashable, Codable {
        case path, query, header, cookie
    }

    /// How the value is serialised (OpenAPI 3.1 §4.8.12.4, "Style Values").
    public enum Style: String, Sendable, Hashable, Codable {
        case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject
    }

    /// The parameter's name.
    public var name: String
    /// Where it goes.
    public var location: Location
    /// Whether a value must be given (always true for path parameters).
    public var isRequired: Bool
    /// The value's schema, inlined, when the document gives one.
    public var schema: Schema?
    /// The serialisation style; defaults follow the location (form for query and cookie, simple
    /// for path and header).
    public var style: Style
    /// Whether arrays and objects are exploded into separate parameters.
    public var explode: Bool
    /// Whether reserved characters are sent unencoded (query only).
    public var allowsReserved: Bool
    /// The media type when the parameter uses `content` instead of `schema`.
    public var contentType: String?
    /// `description`.
    public var description: String?
    /// `deprecated`.
    public var isDeprecated: Bool

    /// Creates a parameter; `style` and `explode` default as the specification says.
    public init(
        name: String, location: Location, isRequired: Bool = false, schema: Schema? = nil, style: Style? = nil,
        explode: Bool? = nil, allowsReserved: Bool = false, contentType: String? = nil, description: String? = nil,
        isDeprecated: Bool = false
    ) {
        let style = style ?? Self.defaultStyle(for: location)
        self.name = name
        self.location = location
        self.isRequired = location == .path ? true : isRequired
        self.schema = schema
        self.style = style
        self.explode = explode ?? (style == .form)
        self.allowsReserved = allowsReserved
        self.contentType = contentType
        self.description = description
        self.isDeprecated = isDeprecated
    }

    /// The specification's default style for a location.
    public static func defaultStyle(for location: Location) -> Style {
        switch location {
        case .query, .cookie: return .form
        case .path, .header: return .simple
        }
    }
}
