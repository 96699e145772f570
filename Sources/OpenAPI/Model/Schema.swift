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

        /// A record with every keyword unset, what a schema without the side record reads.
        static let unset = Rare()

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

    /// A keyword of the storage, read in place or written after making the storage unique.
    private subscript<Value>(field keyword: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: keyword] }
        _modify {
            makeUnique()
            yield &storage.fields[keyPath: keyword]
        }
    }

    /// A rarely set keyword: the side record is made when one is set and dropped when all are unset again.
    private subscript<Value>(rare keyword: WritableKeyPath<Rare, Value>) -> Value {
        get { (storage.fields.rare.first ?? Rare.unset)[keyPath: keyword] }
        _modify {
            makeUnique()
            if storage.fields.rare.isEmpty { storage.fields.rare.append(Rare()) }
            yield &storage.fields.rare[0][keyPath: keyword]
            if storage.fields.rare[0].isUnset { storage.fields.rare.removeAll() }
        }
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
        get { self[field: \.reference] }
        _modify { yield &self[field: \.reference] }
    }

    /// The allowed types; empty means any.
    public var types: [JSONType] {
        get { self[field: \.types] }
        _modify { yield &self[field: \.types] }
    }

    /// Whether `null` is allowed besides `types`.
    public var isNullable: Bool {
        get { self[field: \.isNullable] }
        _modify { yield &self[field: \.isNullable] }
    }

    /// `format`, for example "date-time" or "binary".
    public var format: String? {
        get { self[field: \.format] }
        _modify { yield &self[field: \.format] }
    }

    /// `title`.
    public var title: String? {
        get { self[field: \.title] }
        _modify { yield &self[field: \.title] }
    }

    /// `description`.
    public var description: String? {
        get { self[field: \.description] }
        _modify { yield &self[field: \.description] }
    }

    /// `properties`, in document order.
    public var properties: [Property] {
        get { self[field: \.properties] }
        _modify { yield &self[field: \.properties] }
    }

    /// `required` property names.
    public var requiredProperties: [String] {
        get { self[field: \.requiredProperties] }
        _modify { yield &self[field: \.requiredProperties] }
    }

    /// `oneOf` alternatives.
    public var oneOf: [Schema] {
        get { self[field: \.oneOf] }
        _modify { yield &self[field: \.oneOf] }
    }

    /// `anyOf` alternatives.
    public var anyOf: [Schema] {
        get { self[field: \.anyOf] }
        _modify { yield &self[field: \.anyOf] }
    }

    /// `allOf` members that could not be merged (see `SchemaInliner`).
    public var allOf: [Schema] {
        get { self[field: \.allOf] }
        _modify { yield &self[field: \.allOf] }
    }

    /// `readOnly`.
    public var isReadOnly: Bool {
        get { self[field: \.isReadOnly] }
        _modify { yield &self[field: \.isReadOnly] }
    }

    /// `writeOnly`.
    public var isWriteOnly: Bool {
        get { self[field: \.isWriteOnly] }
        _modify { yield &self[field: \.isWriteOnly] }
    }

    /// `deprecated`.
    public var isDeprecated: Bool {
        get { self[field: \.isDeprecated] }
        _modify { yield &self[field: \.isDeprecated] }
    }

    /// `enum`.
    public var enumValues: [OrderedValue]? {
        get { self[rare: \.enumValues] }
        _modify { yield &self[rare: \.enumValues] }
    }

    /// `const` (3.1).
    public var constValue: OrderedValue? {
        get { self[rare: \.constValue] }
        _modify { yield &self[rare: \.constValue] }
    }

    /// `default`.
    public var defaultValue: OrderedValue? {
        get { self[rare: \.defaultValue] }
        _modify { yield &self[rare: \.defaultValue] }
    }

    /// `discriminator.propertyName`.
    public var discriminator: String? {
        get { self[rare: \.discriminator] }
        _modify { yield &self[rare: \.discriminator] }
    }

    /// `pattern`.
    public var pattern: String? {
        get { self[rare: \.pattern] }
        _modify { yield &self[rare: \.pattern] }
    }

    /// `minimum`.
    public var minimum: Double? {
        get { self[rare: \.minimum] }
        _modify { yield &self[rare: \.minimum] }
    }

    /// `maximum`.
    public var maximum: Double? {
        get { self[rare: \.maximum] }
        _modify { yield &self[rare: \.maximum] }
    }

    /// `minLength`.
    public var minLength: Int? {
        get { self[rare: \.minLength] }
        _modify { yield &self[rare: \.minLength] }
    }

    /// `maxLength`.
    public var maxLength: Int? {
        get { self[rare: \.maxLength] }
        _modify { yield &self[rare: \.maxLength] }
    }

    /// `minItems`.
    public var minItems: Int? {
        get { self[rare: \.minItems] }
        _modify { yield &self[rare: \.minItems] }
    }

    /// `maxItems`.
    public var maxItems: Int? {
        get { self[rare: \.maxItems] }
        _modify { yield &self[rare: \.maxItems] }
    }

    /// `items`: the schema of an array's elements.
    public var items: Schema? {
        get { self[rare: \.items] }
        _modify { yield &self[rare: \.items] }
    }

    /// `additionalProperties` when it is a schema.
    public var additionalProperties: Schema? {
        get { self[rare: \.additionalProperties] }
        _modify { yield &self[rare: \.additionalProperties] }
    }

    /// `additionalProperties: false`: no properties beyond the listed ones.
    public var forbidsAdditionalProperties: Bool {
        get { self[rare: \.forbidsAdditionalProperties] }
        _modify { yield &self[rare: \.forbidsAdditionalProperties] }
    }
}
