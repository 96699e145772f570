import Foundation
import OpenAPI
import YAML

/// Checks a value against an operation's (inlined) JSON Schema: types, required properties,
/// enums, bounds, lengths, patterns and the formats that matter for a request (date, date-time,
/// uuid, email). A `$ref` left in place by a cycle accepts anything.
enum SchemaValidator {
    static func problems(_ value: OrderedValue, _ schema: Schema, at path: String) -> [ArgumentProblem] {
        var problems: [ArgumentProblem] = []
        check(value, schema, at: path, into: &problems)
        return problems
    }

    private static func check(_ value: OrderedValue, _ schema: Schema, at path: String, into problems: inout [ArgumentProblem]) {
        if schema.reference != nil { return }
        if case .null = value {
            if schema.isNullable || schema.types.isEmpty || schema.types.contains(.null) { return }
            problems.append(ArgumentProblem(path: path, message: "must not be null; expected \(describe(schema))"))
            return
        }
        if isNullOnly(schema) {
            problems.append(ArgumentProblem(path: path, message: "must be null, got \(describe(value))"))
            return
        }
        if !schema.types.isEmpty, !schema.types.contains(where: { matches(value, $0) }) {
            problems.append(ArgumentProblem(path: path, message: "must be \(describe(schema)), got \(describe(value))"))
            return
        }
        if let allowed = schema.enumValues, !allowed.isEmpty, !allowed.contains(where: { equal($0, value) }) {
            let list = allowed.prefix(20).map { $0.jsonText() }.joined(separator: ", ")
            problems.append(ArgumentProblem(path: path, message: "must be one of \(list), got \(value.jsonText())"))
        }
        if let constant = schema.constValue, !equal(constant, value) {
            problems.append(ArgumentProblem(path: path, message: "must be \(constant.jsonText())"))
        }
        switch value {
        case .int, .double: checkNumber(value.doubleValue ?? 0, schema, at: path, into: &problems)
        case .string(let string): checkString(string, schema, at: path, into: &problems)
        case .array(let items):
            if let minimum = schema.minItems, items.count < minimum {
                problems.append(ArgumentProblem(path: path, message: "needs at least \(minimum) items, got \(items.count)"))
            }
            if let maximum = schema.maxItems, items.count > maximum {
                problems.append(ArgumentProblem(path: path, message: "takes at most \(maximum) items, got \(items.count)"))
            }
            if let itemSchema = schema.items {
                for (index, item) in items.enumerated() { check(item, itemSchema, at: "\(path)[\(index)]", into: &problems) }
            }
        case .object(let object): checkObject(object, schema, at: path, into: &problems)
        case .null, .bool: break
        }
        for member in schema.allOf { check(value, member, at: path, into: &problems) }
        for (alternatives, word) in [(schema.oneOf, "oneOf"), (schema.anyOf, "anyOf")] where !alternatives.isEmpty {
            let fits = alternatives.contains { self.problems(value, $0, at: path).isEmpty }
            if !fits {
                let shapes = alternatives.prefix(5).map(describe).joined(separator: " or ")
                problems.append(ArgumentProblem(path: path, message: "matches none of the allowed shapes (\(word)): \(shapes)"))
            }
        }
    }

    private static func checkNumber(_ number: Double, _ schema: Schema, at path: String, into problems: inout [ArgumentProblem]) {
        if let minimum = schema.minimum, number < minimum {
            problems.append(ArgumentProblem(path: path, message: "must be at least \(OrderedValue.jsonNumber(minimum))"))
        }
        if let maximum = schema.maximum, number > maximum {
            problems.append(ArgumentProblem(path: path, message: "must be at most \(OrderedValue.jsonNumber(maximum))"))
        }
    }

    private static func checkString(_ string: String, _ schema: Schema, at path: String, into problems: inout [ArgumentProblem]) {
        if let minimum = schema.minLength, string.count < minimum {
            problems.append(ArgumentProblem(path: path, message: "needs at least \(minimum) characters"))
        }
        if let maximum = schema.maxLength, string.count > maximum {
            problems.append(ArgumentProblem(path: path, message: "takes at most \(maximum) characters"))
        }
        if let pattern = schema.pattern, let expression = try? NSRegularExpression(pattern: pattern),
            expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) == nil
        {
            problems.append(ArgumentProblem(path: path, message: "must match the pattern \(pattern)"))
        }
        if let format = schema.format, let expected = formatProblem(string, format) {
            problems.append(ArgumentProblem(path: path, message: "must be \(expected), got \"\(string.prefix(60))\""))
        }
    }

    private static func checkObject(_ object: OrderedObject, _ schema: Schema, at path: String, into problems: inout [ArgumentProblem]) {
        let prefix = path.isEmpty ? "" : path + "."
        for name in schema.requiredProperties where object[name] == nil {
            let property = schema.properties.first { $0.name == name }
            if property?.schema.isReadOnly == true { continue }
            let shape = property.map { " (\(describe($0.schema)))" } ?? ""
            problems.append(ArgumentProblem(path: prefix + name, message: "is required\(shape)"))
        }
        for entry in object.entries {
            if let property = schema.properties.first(where: { $0.name == entry.key }) {
                check(entry.value, property.schema, at: prefix + entry.key, into: &problems)
            } else if let additional = schema.additionalProperties {
                check(entry.value, additional, at: prefix + entry.key, into: &problems)
            } else if schema.forbidsAdditionalProperties {
                let known = schema.properties.map(\.name).joined(separator: ", ")
                problems.append(ArgumentProblem(path: prefix + entry.key, message: "is not a known property; expected one of: \(known)"))
            }
        }
    }

    /// OpenAPI 3.1's `{type: "null"}` reads as a nullable schema with no type (the importer folds
    /// `null` into `isNullable`); with nothing else in it, it allows null alone (an `anyOf`
    /// branch of an optional value).
    static func isNullOnly(_ schema: Schema) -> Bool {
        var bare = Schema()
        bare.isNullable = true
        var compared = schema
        compared.title = nil
        compared.description = nil
        return compared == bare
    }

    static func matches(_ value: OrderedValue, _ type: Schema.JSONType) -> Bool {
        switch (value, type) {
        case (.string, .string), (.bool, .boolean), (.array, .array), (.object, .object), (.null, .null): return true
        case (.int, .integer), (.int, .number), (.double, .number): return true
        case (.double(let number), .integer): return number == number.rounded() && number.isFinite
        default: return false
        }
    }

    private static func equal(_ left: OrderedValue, _ right: OrderedValue) -> Bool {
        if let a = left.doubleValue, let b = right.doubleValue { return a == b }
        return left == right
    }

    private static func formatProblem(_ string: String, _ format: String) -> String? {
        let checks: [String: (pattern: String, label: String)] = [
            "date": (#"^\d{4}-\d{2}-\d{2}$"#, "a date like 2026-12-31"),
            "date-time": (
                #"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$"#, "a date-time like 2026-12-31T09:30:00Z"
            ),
            "uuid": (#"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"#, "a UUID"),
            "email": (#"^[^@\s]+@[^@\s]+$"#, "an email address"),
        ]
        guard let check = checks[format] else { return nil }
        return string.range(of: check.pattern, options: .regularExpression) == nil ? check.label : nil
    }

    /// "an integer", "a string (one of a, b)", "an array of strings", "an object with id, name".
    static func describe(_ schema: Schema) -> String {
        guard let type = schema.types.first(where: { $0 != .null }) else { return "any value" }
        switch type {
        case .string: return schema.format.map { "a string (\($0))" } ?? "a string"
        case .integer: return "an integer"
        case .number: return "a number"
        case .boolean: return "true or false"
        case .null: return "null"
        case .array:
            return schema.items.map {
                "an array of " + describe($0).replacingOccurrences(of: "^an? ", with: "", options: .regularExpression) + "s"
            } ?? "an array"
        case .object:
            let names = schema.properties.prefix(8).map(\.name)
            return names.isEmpty ? "an object" : "an object with " + names.joined(separator: ", ")
        }
    }

    private static func describe(_ value: OrderedValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return "\(bool)"
        case .int(let integer): return "the number \(integer)"
        case .double(let double): return "the number \(OrderedValue.jsonNumber(double))"
        case .string(let string): return "the string \"\(string.prefix(60))\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
