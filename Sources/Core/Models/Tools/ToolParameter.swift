import OpenAPI

/// One argument a tool takes: where it goes in the request, its type, and a label for a form.
///
/// Arguments are one flat object keyed by `name`; `location` and `sourceName` say where the
/// executor puts each value (a path, query, header or cookie parameter, or a property of the
/// JSON body; `location == .body` with `sourceName == nil` is the whole body).
public struct ToolParameter: Sendable, Hashable, Codable {
    /// Where the value goes in the request.
    public enum Location: String, Sendable, Hashable, Codable {
        /// A path, query, header or cookie parameter of the operation.
        case path, query, header, cookie
        /// A property of the JSON body, or the whole body when ``ToolParameter/sourceName`` is nil.
        case body
    }

    /// The JSON type of the value.
    public enum ValueType: String, Sendable, Hashable, Codable {
        /// JSON Schema's primitive types; `null` alone is read as a string.
        case string, integer, number, boolean, array, object
    }

    /// The key in the arguments object (unique within the tool).
    public var name: String
    /// The parameter's or body property's own name; `nil` for a whole body.
    public var sourceName: String?
    /// Where the value goes.
    public var location: Location
    /// A human label for a form field ("Order ID").
    public var label: String
    /// The value's JSON type.
    public var type: ValueType
    /// The schema's `format` ("date", "email"…).
    public var format: String?
    /// Whether the call needs it.
    public var isRequired: Bool
    /// The parameter's description.
    public var description: String?
    /// The values an `enum` allows, as text; empty when any value is allowed.
    public var allowedValues: [String]
    /// The full schema, for the JSON Schema sent to providers.
    public var schema: Schema?

    /// Creates a parameter; `label` defaults to the name in words ("orderId" → "Order ID").
    public init(
        name: String, sourceName: String? = nil, location: Location, label: String? = nil, type: ValueType = .string,
        format: String? = nil, isRequired: Bool = false, description: String? = nil, allowedValues: [String] = [],
        schema: Schema? = nil
    ) {
        self.name = name
        self.sourceName = sourceName ?? (location == .body ? nil : name)
        self.location = location
        self.label = label ?? Self.label(for: name)
        self.type = type
        self.format = format
        self.isRequired = isRequired
        self.description = description
        self.allowedValues = allowedValues
        self.schema = schema
    }

    /// "orderId" → "Order ID", "due_date" → "Due date".
    static func label(for name: String) -> String {
        let words = IdentifierWords.split(name).map { word -> String in
            let lower = word.lowercased()
            return ["id", "url", "uri", "api", "sms", "ip", "vat", "iban"].contains(lower) ? word.uppercased() : lower
        }
        guard let first = words.first else { return name }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }
}
