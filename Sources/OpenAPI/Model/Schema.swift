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
    /// `readOnly`.
    public var isReadOnly = false
    /// `writeOnly`.
    public var isWriteOnly = false
    /// `deprecated`.
    public var isDeprecated = false
    /// Everything most schemas leave unset, boxed (an array of zero or one) so the common
    /// schema stays small and a struct can hold `items` of its own type.
    private var rare: [Rare] = []

    /// Creates an empty schema (any value).
    public init() {}

    /// Creates a reference to the schema stored under `key` in `APIDocument.schemas`.
    public init(reference key: String) {
        reference = key
    }

    /// `enum`.
    public var enumValues: [OrderedValue]? {
        get { rare.first?.enumValues }
        set { updateRare { $0.enumValues = newValue } }
    }

    /// `const` (3.1).
    public var constValue: OrderedValue? {
        get { rare.first?.constValue }
        set { updateRare { $0.constValue = newValue } }
    }

    /// `default`.
    public var defaultValue: OrderedValue? {
        get { rare.first?.defaultValue }
        set { updateRare { $0.defaultValue = newValue } }
    }

    /// `discriminator.propertyName`.
    public var discriminator: String? {
        get { rare.first?.discriminator }
        set { updateRare { $0.discriminator = newValue } }
    }

    /// `pattern`.
    public var pattern: String? {
        get { rare.first?.pattern }
        set { updateRare { $0.pattern = newValue } }
    }

    /// `minimum`.
    public var minimum: Double? {
        get { rare.first?.minimum }
        set { updateRare { $0.minimum = newValue } }
    }

    /// `maximum`.
    public var maximum: Double? {
        get { rare.first?.maximum }
        set { updateRare { $0.maximum = newValue } }
    }

    /// `minLength`.
    public var minLength: Int? {
        get { rare.first?.minLength }
        set { updateRare { $0.minLength = newValue } }
    }

    /// `maxLength`.
    public var maxLength: Int? {
        get { rare.first?.maxLength }
        set { updateRare { $0.maxLength = newValue } }
    }

    /// `minItems`.
    public var minItems: Int? {
        get { rare.first?.minItems }
        set { updateRare { $0.minItems = newValue } }
    }

    /// `maxItems`.
    public var maxItems: Int? {
        get { rare.first?.maxItems }
        set { updateRare { $0.maxItems = newValue } }
    }

    /// `items`: the schema of an array's elements.
    public var items: Schema? {
        get { rare.first?.items }
        set { updateRare { $0.items = newValue } }
    }

    /// `additionalProperties` when it is a schema.
    public var additionalProperties: Schema? {
        get { rare.first?.additionalProperties }
        set { updateRare { $0.additionalProperties = newValue } }
    }

    /// `additionalProperties: false`: no properties beyond the listed ones.
    public var forbidsAdditionalProperties: Bool {
        get { rare.first?.forbidsAdditionalProperties ?? false }
        set { updateRare { $0.forbidsAdditionalProperties = newValue } }
    }

    private mutating func updateRare(_ change: (inout Rare) -> Void) {
        var value = rare.first ?? Rare()
        change(&value)
        rare = value == Rare() ? [] : [value]
    }

    private struct Rare: Sendable, Hashable {
        var enumValues: [OrderedValue]?
        var constValue: OrderedValue?
        var defaultValue: OrderedValue?
        var discriminator: String?
        var pattern: String?
        var minimum: Double?
        var maximum: Double?
        var minLength: Int?
        var maxLength: Int?
        var minItems: Int?
        var maxItems: Int?
        var items: Schema?
        var additionalProperties: Schema?
        var forbidsAdditionalProperties = false
    }
}
