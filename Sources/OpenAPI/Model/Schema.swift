import YAML

/// A JSON Schema as OpenAPI uses it, normalised across 2.0, 3.0 and 3.1.
///
/// A `$ref` becomes a schema whose `reference` is set (the key of the target in
/// `APIDocument.schemas`) and whose other fields are empty; this is how cycles stay finite.
/// `nullable: true` (3.0), `x-nullable` (2.0) and `type: [x, "null"]` (3.1) all become
/// `isNullable`. Encodes compactly: only fields that differ from an empty schema are written.
///
/// A schema is a value with copy-on-write storage, as `Array` is: imports copy and store schemas
/// by the thousand (properties, inlined arguments, the referenced-schema table), and a copy costs
/// one reference count instead of one per field.
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

    /// Every keyword, held by `Storage`.
    private struct Fields: Hashable {
        var reference: String? = nil
        var types: [JSONType] = []
        var isNullable: Bool = false
        var format: String? = nil
        var title: String? = nil
        var description: String? = nil
        var properties: [Property] = []
        var requiredProperties: [String] = []
        var oneOf: [Schema] = []
        var anyOf: [Schema] = []
        var allOf: [Schema] = []
        var isReadOnly: Bool = false
        var isWriteOnly: Bool = false
        var isDeprecated: Bool = false
        /// The keywords most schemas leave unset, in an array of zero or one: the common schema
        /// stays small (imports hold tens of thousands), and none is stored when all are unset.
        var rare: [Rare] = []
    }

    /// The keywords most schemas leave unset.
    private struct Rare: Hashable {
        var enumValues: [OrderedValue]? = nil
        var constValue: OrderedValue? = nil
        var defaultValue: OrderedValue? = nil
        var discriminator: String? = nil
        var pattern: String? = nil
        var minimum: Double? = nil
        var maximum: Double? = nil
        var minLength: Int? = nil
        var maxLength: Int? = nil
        var minItems: Int? = nil
        var maxItems: Int? = nil
        var items: Schema? = nil
        var additionalProperties: Schema? = nil
        var forbidsAdditionalProperties: Bool = false

        /// Whether every keyword is unset.
        var isUnset: Bool {
            enumValues == nil && constValue == nil && defaultValue == nil && discriminator == nil && pattern == nil
                && minimum == nil && maximum == nil && minLength == nil && maxLength == nil && minItems == nil
                && maxItems == nil && items == nil && additionalProperties == nil && !forbidsAdditionalProperties
        }
    }

    /// The shared fields; `@unchecked Sendable` because a shared storage is never written: every
    /// mutation first makes it unique (`makeUnique()`).
    private final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    /// The storage every empty schema starts from, so `Schema()` allocates nothing.
    private static let emptyStorage = Storage(Fields())

    private var storage: Storage

    /// Creates an empty schema (any value).
    public init() {
        storage = Self.emptyStorage
    }

    /// Creates a reference to the schema stored under `key` in `APIDocument.schemas`.
    public init(reference key: String) {
        storage = Storage(Fields(reference: key))
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    /// Whether both share one storage: then they are equal without comparing keywords, and a
    /// rewrite that gave back its input changed nothing.
    func isIdentical(to other: Schema) -> Bool {
        storage === other.storage
    }

    /// Schemas are equal when every keyword is; the same storage is equal without looking.
    public static func == (left: Schema, right: Schema) -> Bool {
        left.isIdentical(to: right) || left.storage.fields == right.storage.fields
    }

    /// Hashes every keyword.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    /// The key of the schema this one stands for, in `APIDocument.schemas`; set only on references.
    public var reference: String? {
        get { storage.fields.reference }
        _modify {
            makeUnique()
            yield &storage.fields.reference
        }
    }

    /// The allowed types; empty means any.
    public var types: [JSONType] {
        get { storage.fields.types }
        _modify {
            makeUnique()
            yield &storage.fields.types
        }
    }

    /// Whether `null` is allowed besides `types`.
    public var isNullable: Bool {
        get { storage.fields.isNullable }
        _modify {
            makeUnique()
            yield &storage.fields.isNullable
        }
    }

    /// `format`, for example "date-time" or "binary".
    public var format: String? {
        get { storage.fields.format }
        _modify {
            makeUnique()
            yield &storage.fields.format
        }
    }

    /// `title`.
    public var title: String? {
        get { storage.fields.title }
        _modify {
            makeUnique()
            yield &storage.fields.title
        }
    }

    /// `description`.
    public var description: String? {
        get { storage.fields.description }
        _modify {
            makeUnique()
            yield &storage.fields.description
        }
    }

    /// `properties`, in document order.
    public var properties: [Property] {
        get { storage.fields.properties }
        _modify {
            makeUnique()
            yield &storage.fields.properties
        }
    }

    /// `required` property names.
    public var requiredProperties: [String] {
        get { storage.fields.requiredProperties }
        _modify {
            makeUnique()
            yield &storage.fields.requiredProperties
        }
    }

    /// `oneOf` alternatives.
    public var oneOf: [Schema] {
        get { storage.fields.oneOf }
        _modify {
            makeUnique()
            yield &storage.fields.oneOf
        }
    }

    /// `anyOf` alternatives.
    public var anyOf: [Schema] {
        get { storage.fields.anyOf }
        _modify {
            makeUnique()
            yield &storage.fields.anyOf
        }
    }

    /// `allOf` members that could not be merged (see `SchemaInliner`).
    public var allOf: [Schema] {
        get { storage.fields.allOf }
        _modify {
            makeUnique()
            yield &storage.fields.allOf
        }
    }

    /// `readOnly`.
    public var isReadOnly: Bool {
        get { storage.fields.isReadOnly }
        _modify {
            makeUnique()
            yield &storage.fields.isReadOnly
        }
    }

    /// `writeOnly`.
    public var isWriteOnly: Bool {
        get { storage.fields.isWriteOnly }
        _modify {
            makeUnique()
            yield &storage.fields.isWriteOnly
        }
    }

    /// `deprecated`.
    public var isDeprecated: Bool {
        get { storage.fields.isDeprecated }
        _modify {
            makeUnique()
            yield &storage.fields.isDeprecated
        }
    }

    /// `enum`.
    public var enumValues: [OrderedValue]? {
        get { storage.fields.rare.first?.enumValues }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].enumValues
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `const` (3.1).
    public var constValue: OrderedValue? {
        get { storage.fields.rare.first?.constValue }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].constValue
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `default`.
    public var defaultValue: OrderedValue? {
        get { storage.fields.rare.first?.defaultValue }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].defaultValue
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `discriminator.propertyName`.
    public var discriminator: String? {
        get { storage.fields.rare.first?.discriminator }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].discriminator
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `pattern`.
    public var pattern: String? {
        get { storage.fields.rare.first?.pattern }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].pattern
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `minimum`.
    public var minimum: Double? {
        get { storage.fields.rare.first?.minimum }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].minimum
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `maximum`.
    public var maximum: Double? {
        get { storage.fields.rare.first?.maximum }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].maximum
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `minLength`.
    public var minLength: Int? {
        get { storage.fields.rare.first?.minLength }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].minLength
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `maxLength`.
    public var maxLength: Int? {
        get { storage.fields.rare.first?.maxLength }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].maxLength
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `minItems`.
    public var minItems: Int? {
        get { storage.fields.rare.first?.minItems }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].minItems
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `maxItems`.
    public var maxItems: Int? {
        get { storage.fields.rare.first?.maxItems }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].maxItems
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `items`: the schema of an array's elements.
    public var items: Schema? {
        get { storage.fields.rare.first?.items }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].items
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `additionalProperties` when it is a schema.
    public var additionalProperties: Schema? {
        get { storage.fields.rare.first?.additionalProperties }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].additionalProperties
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }

    /// `additionalProperties: false`: no properties beyond the listed ones.
    public var forbidsAdditionalProperties: Bool {
        get { storage.fields.rare.first?.forbidsAdditionalProperties ?? false }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0].forbidsAdditionalProperties
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
    }
}
