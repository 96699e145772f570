import YAML

/// Schemas inferred from JSON examples: types, nested objects, arrays, and formats a value
/// plainly has (OpenAPI 3.0 §4.7.24, JSON Schema Validation §7.3).
enum JSONSchemaInference {
    /// The deepest nesting followed; deeper values become schemas without properties.
    static let maximumDepth = 12

    /// The schema of `value`; scalar examples are kept as `example`.
    static func schema(of value: OrderedValue, depth: Int = 0) -> OrderedObject {
        switch value {
        case .null:
            return OrderedObject(["nullable": .bool(true)])
        case .bool(let bool):
            return OrderedObject(["type": .string("boolean"), "example": .bool(bool)])
        case .int(let integer):
            return OrderedObject(["type": .string("integer"), "example": .int(integer)])
        case .double(let double):
            return OrderedObject(["type": .string("number"), "example": double.isFinite ? .double(double) : .null])
        case .string(let string):
            var schema = OrderedObject(["type": .string("string")])
            if let format = format(of: string) { schema["format"] = .string(format) }
            schema["example"] = .string(String(string.prefix(200)))
            return schema
        case .array(let elements):
            var schema = OrderedObject(["type": .string("array")])
            guard depth < maximumDepth, let first = elements.first else {
                schema["items"] = .object(OrderedObject())
                return schema
            }
            // Elements of one array usually share a shape; objects are merged so optional members show.
            var items = Self.schema(of: first, depth: depth + 1)
            for element in elements.dropFirst().prefix(20) { items = merged(items, Self.schema(of: element, depth: depth + 1)) }
            schema["items"] = .object(items)
            return schema
        case .object(let object):
            var schema = OrderedObject(["type": .string("object")])
            guard depth < maximumDepth, !object.isEmpty else { return schema }
            var properties = OrderedObject()
            for entry in object.entries { properties[entry.key] = .object(Self.schema(of: entry.value, depth: depth + 1)) }
            schema["properties"] = .object(properties)
            return schema
        }
    }

    /// `base` with the properties `addition` has and `base` lacks; other members of `base` win.
    static func merged(_ base: OrderedObject, _ addition: OrderedObject) -> OrderedObject {
        guard base["type"] == addition["type"] else {
            // A null example says nothing of the type: take the other side's, nullable.
            if base["type"] == nil, base["nullable"] == .bool(true) {
                var result = addition
                result["nullable"] = .bool(true)
                return result
            }
            return base
        }
        var result = base
        if case .object(let extra)? = addition["properties"] {
            var properties = base["properties"]?.objectValue ?? OrderedObject()
            for entry in extra.entries {
                if case .object(let known)? = properties[entry.key], case .object(let other) = entry.value {
                    properties[entry.key] = .object(merged(known, other))
                } else if properties[entry.key] == nil {
                    properties[entry.key] = entry.value
                }
            }
            result["properties"] = .object(properties)
        }
        if case .array(let required)? = addition["required"] {
            var known = base["required"]?.arrayValue ?? []
            for name in required where !known.contains(name) { known.append(name) }
            result["required"] = .array(known)
        }
        return result
    }

    /// The schema of a form body (`a=1&b=two`): an object of strings, integers and booleans.
    static func formSchema(_ fields: [(name: String, value: String)]) -> OrderedObject {
        var properties = OrderedObject()
        for field in fields where properties[field.name] == nil {
            properties[field.name] = .object(scalarSchema(fromText: field.value))
        }
        return OrderedObject(["type": .string("object"), "properties": .object(properties)])
    }

    /// The schema of a value written as text in a query string or form: integer, number, boolean or string.
    static func scalarSchema(fromText text: String) -> OrderedObject {
        if let integer = Int(text) { return OrderedObject(["type": .string("integer"), "example": .int(integer)]) }
        if text.contains("."), let number = Double(text), number.isFinite {
            return OrderedObject(["type": .string("number"), "example": .double(number)])
        }
        if text == "true" || text == "false" { return OrderedObject(["type": .string("boolean"), "example": .bool(text == "true")]) }
        var schema = OrderedObject(["type": .string("string")])
        if !text.isEmpty, !text.hasPrefix("{"), !text.hasPrefix("<"), !text.hasPrefix("$") { schema["example"] = .string(text) }
        return schema
    }

    /// `date-time`, `date`, `email` or `uri` when the string plainly is one.
    private static func format(of string: String) -> String? {
        let characters = Array(string)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= characters.count && range.allSatisfy { characters[$0].isASCII && characters[$0].isNumber }
        }
        if characters.count >= 10, digits(0..<4), characters[4] == "-", digits(5..<7), characters[7] == "-", digits(8..<10) {
            return characters.count == 10 ? "date" : (characters.count >= 19 && characters[10] == "T" ? "date-time" : nil)
        }
        if string.hasPrefix("https://") || string.hasPrefix("http://") { return "uri" }
        let parts = string.split(separator: "@")
        if parts.count == 2, parts[1].contains("."), !string.contains(" ") { return "email" }
        return nil
    }
}
