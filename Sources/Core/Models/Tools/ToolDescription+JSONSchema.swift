import OpenAPI
import YAML

extension ToolDescription {
    /// The arguments as a JSON Schema object, as chat-completions `tools[].function.parameters`
    /// wants it: `{"type": "object", "properties": {…}, "required": […]}`.
    public var parametersSchema: OrderedValue {
        var properties = OrderedObject()
        for parameter in parameters {
            var property = parameter.schema.map { Self.schemaValue($0, depth: 0) }?.objectValue ?? OrderedObject()
            if property["type"] == nil { property["type"] = .string(parameter.type.rawValue) }
            if property["description"] == nil, let description = parameter.description, !description.isEmpty {
                property["description"] = .string(description)
            }
            properties[parameter.name] = .object(property)
        }
        var schema = OrderedObject()
        schema["type"] = .string("object")
        schema["properties"] = .object(properties)
        let required = parameters.filter(\.isRequired).map { OrderedValue.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        return .object(schema)
    }

    /// Nested schemas are cut at this depth (and references left open) so a cyclic or huge
    /// schema stays a small tool description.
    private static let maximumDepth = 4

    private static func schemaValue(_ schema: Schema, depth: Int) -> OrderedValue {
        var object = OrderedObject()
        guard schema.reference == nil, depth < maximumDepth else { return .object(object) }
        let types = schema.types.filter { $0 != .null }
        if types.count == 1, let type = types.first {
            object["type"] = .string(type.rawValue)
        } else if !types.isEmpty {
            object["type"] = .array(types.map { .string($0.rawValue) })
        }
        if let format = schema.format { object["format"] = .string(format) }
        if let description = schema.description ?? schema.title { object["description"] = .string(description) }
        if let values = schema.enumValues { object["enum"] = .array(values) }
        if let items = schema.items { object["items"] = schemaValue(items, depth: depth + 1) }
        let alternatives = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        if !alternatives.isEmpty {
            object["anyOf"] = .array(alternatives.map { schemaValue($0, depth: depth + 1) })
        }
        let properties = schema.properties.filter { !$0.schema.isReadOnly }
        if !properties.isEmpty {
            var nested = OrderedObject()
            for property in properties { nested[property.name] = schemaValue(property.schema, depth: depth + 1) }
            object["properties"] = .object(nested)
            let required = schema.requiredProperties.filter { name in properties.contains { $0.name == name } }
            if !required.isEmpty { object["required"] = .array(required.map(OrderedValue.string)) }
        }
        return .object(object)
    }
}
