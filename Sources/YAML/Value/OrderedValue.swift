/// A JSON-shaped value that keeps the order of object keys, produced by both `JSONReader` and
/// `YAMLReader`.
///
/// Objects are `OrderedObject`s: entries in document order, with a key lookup that stays fast on
/// large objects. Integers that fit in `Int` stay integers; every other number is a `Double`.
public enum OrderedValue: Sendable, Hashable {
    /// JSON `null`, YAML `null`, `~` or an empty plain scalar.
    case null
    /// A boolean.
    case bool(Bool)
    /// A number without fraction or exponent that fits in `Int`.
    case int(Int)
    /// Any other number, including YAML's `.inf`, `-.inf` and `.nan`.
    case double(Double)
    /// A string.
    case string(String)
    /// An array (YAML sequence).
    case array([OrderedValue])
    /// An object (YAML mapping) with its keys in document order.
    case object(OrderedObject)

    /// The string, when this value is one.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The boolean, when this value is one.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The object, when this value is one.
    public var objectValue: OrderedObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The array, when this value is one.
    public var arrayValue: [OrderedValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// The number as a `Double`, when this value is an integer or a double.
    public var doubleValue: Double? {
        switch self {
        case .int(let integer): return Double(integer)
        case .double(let double): return double
        default: return nil
        }
    }

    /// The value for `key` when this value is an object holding it.
    public subscript(key: String) -> OrderedValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }
}
