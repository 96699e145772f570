import YAML

/// A JSON Schema as OpenAPI uses it, normalised across 2.0, 3.0 and 3.1.
///
/// A `$ref` becomes a schema whose `reference` is set (the key of the target in
/// `APIDocument.schemas`) and whose other fields are empty; this is how cycles stay finite.
/// `nullable: true` (3.0), `x-nullable` (2.0) and `type: [x, "null"]` (3.1) all become
/// `isNullable`. Encodes compactly: only fields that differ from an empty schema are written.
public struct Schema: Sendable, Hashable {
    /// A JSON Schema primitive type.
    public enum JSONType: String, Sendable, Hashable, Codable {
        case string, number, integer, boolean, array, object, null
    }

    /// A named property of an object schema.
    public struct Property: Sendable, Hashable, Codable {
        /// The property's name.
        public var name: String
        /// Its schema.
        public var schema: Schema

        /// Creates a property.
        public init(name: String, schema: Schema) {
            self.name = name
            self.schema = schema
        }
    }

    /// The key of the schema this one stands for, in `APIDocument.schemas`; set only on references.
    public var reference: String?
    /// The allowed types; empty means any.
    public var types: [JSONType] = []
    /// Whether `null` is allowed besides `types`.
    public var isNullable = false
    /// `format`, for example "date-time" or "binary".
    public var format: String?
    /// `title`.
    public var title: String?
    /// `description`.
    public var description: String?
    /// `enum`.
    public var enumValues: [OrderedValue]?
    /// `const` (3.1).
    public var constValue: OrderedValue?
    /// `default`.
    public var defaultValue: OrderedValue?
    /// `properties`, in document order.
    public var properties: [Property] = []
    /// `required` property names.
    public var requiredProperties: [String] = []
    /// `oneOf` alternatives.
    public var oneOf: [Schema] = []
    /// `anyOf` alternatives.
    public var anyOf: [Schema] = []
    /// `allOf` members that could not be merged (see `SchemaInliner`).
    public var allOf: [Schema] = []
    /// `discriminator.propertyName`.
    public var discriminator: String?
    /// `pattern`.
    public var pattern: String?
    /// `minimum`.
    public var minimum: Double?
    /// `maximum`.
    public var maximum: Double?
    /// `minLength`.
    public var minLength: Int?
    /// `maxLength`.
    public var maxLength: Int?
    /// `minItems`.
    public var minItems: Int?
    /// `maxItems`.
    public var maxItems: Int?
    /// `readOnly`.
    public var isReadOnly = false
    /// `writeOnly`.
    public var isWriteOnly = false
    /// `deprecated`.
    public var isDeprecated = false
    /// `items` and `additionalProperties` schemas, boxed because a struct cannot hold itself.
    private var children = Children()

    /// Creates an empty schema (any value).
    public init() {}

    /// Creates a reference to the schema stored under `key` in `APIDocument.schemas`.
    public init(reference key: String) {
        reference = key
    }

    /// `items`: the schema of an array's elements.
    public var items: Schema? {
        get { children.items.first }
        set { children.items = newValue.map { [$0] } ?? [] }
    }

    /// `additionalProperties` when it is a schema.
    public var additionalProperties: Schema? {
        get { children.additionalProperties.first }
        set { children.additionalProperties = newValue.map { [$0] } ?? [] }
    }

    /// `additionalProperties: false`: no properties beyond the listed ones.
    public var forbidsAdditionalProperties: Bool {
        get { children.forbidsAdditionalProperties }
        set { children.forbidsAdditionalProperties = newValue }
    }

    private struct Children: Sendable, Hashable {
        var items: [Schema] = []
        var additionalProperties: [Schema] = []
        var forbidsAdditionalProperties = false
    }
}
