import OpenAPI
import YAML

/// The JSON Schema of an action's arguments, as a model's tool description needs it, following
/// the executor's convention: each parameter by name, and the body's properties beside them
/// (or the whole body under `body` when it is not an object or a property name is taken).
///
/// ```swift
/// let parameters = ActionToolSchema.arguments(of: action.operation)   // an OrderedValue object
/// let text = ActionToolSchema.argumentsJSON(of: action.operation)     // {"type":"object",...}
/// ```
public enum ActionToolSchema {
    /// The arguments' schema as an ordered JSON value.
    public static func arguments(of operation: APIOperation) -> OrderedValue {
        var properties = OrderedObject()
        var required: [OrderedValue] = []
        for parameter in operation.parameters {
            var schema = parameter.schema.map(jsonSchema) ?? .object(OrderedObject())
            if let description = parameter.description, case .object(var object) = schema {
                object["description"] = .string(description)
                schema = .object(object)
            }
            properties[parameter.name] = schema
            if parameter.isRequired { required.append(.string(parameter.name)) }
        }
        if let body = operation.requestBody {
            let bodySchema = body.content.first { RequestBuilder.isJSON($0.contentType) }?.schema ?? body.content.first?.schema
            let names = Set(properties.keys)
            if let bodySchema, bodySchema.types == [.object] || (!bodySchema.properties.isEmpty && bodySchema.types.isEmpty),
                !bodySchema.properties.contains(where: { names.contains($0.name) || $0.name == "body" })
            {
                for property in bodySchema.properties where !property.schema.isReadOnly {
                    properties[property.name] = jsonSchema(property.schema)
                }
                required += bodySchema.requiredProperties.filter { name in
                    bodySchema.properties.contains { $0.name == name && !$0.schema.isReadOnly }
                }.map(OrderedValue.string)
            } else {
                properties["body"] = bodySchema.map(jsonSchema) ?? .object(OrderedObject())
                if body.isRequired { required.append(.string("body")) }
            }
        }
        var root = OrderedObject()
        root["type"] = .string("object")
        root["properties"] = .object(properties)
        if !required.isEmpty { root["required"] = .array(required) }
        return .object(root)
    }

    /// The arguments' schema as compact JSON text.
    public static func argumentsJSON(of operation: APIOperation) -> String {
        arguments(of: operation).jsonText()
    }

    /// A JSON Schema (draft 2020-12 keywords) for one of our schemas; a reference left by a
    /// cycle becomes `{}` (anything).
    static func jsonSchema(_ schema: Schema) -> OrderedValue {
        var object = OrderedObject()
        guard schema.reference == nil else { return .object(object) }
        var types = schema.types.map { OrderedValue.string($0.rawValue) }
        if schema.isNullable, !types.isEmpty, !schema.types.contains(.null) { types.append(.string("null")) }
        if types.count == 1, let only = types.first { object["type"] = only } else if !types.isEmpty { object["type"] = .array(types) }
        if let format = schema.format { object["format"] = .string(format) }
        if let description = schema.description ?? schema.title { object["description"] = .string(description) }
        if let values = schema.enumValues { object["enum"] = .array(values) }
        if let constant = schema.constValue { object["const"] = constant }
        if let value = schema.defaultValue { object["default"] = value }
        if let pattern = schema.pattern { object["pattern"] = .string(pattern) }
        if let minimum = schema.minimum { object["minimum"] = .double(minimum) }
        if let maximum = schema.maximum { object["maximum"] = .double(maximum) }
        if let length = schema.minLength { object["minLength"] = .int(length) }
        if let length = schema.maxLength { object["maxLength"] = .int(length) }
        if let count = schema.minItems { object["minItems"] = .int(count) }
        if let count = schema.maxItems { object["maxItems"] = .int(count) }
        if let items = schema.items { object["items"] = jsonSchema(items) }
        let writable = schema.properties.filter { !$0.schema.isReadOnly }
        if !writable.isEmpty {
            var properties = OrderedObject()
            for property in writable { properties[property.name] = jsonSchema(property.schema) }
            object["properties"] = .object(properties)
        }
        let required = schema.requiredProperties.filter { name in writable.contains { $0.name == name } }
        if !required.isEmpty { object["required"] = .array(required.map(OrderedValue.string)) }
        if let additional = schema.additionalProperties { object["additionalProperties"] = jsonSchema(additional) }
        if schema.forbidsAdditionalProperties { object["additionalProperties"] = .bool(false) }
        for (keyword, members) in [("oneOf", schema.oneOf), ("anyOf", schema.anyOf), ("allOf", schema.allOf)] where !members.isEmpty {
            object[keyword] = .array(members.map(jsonSchema))
        }
        if SchemaValidator.isNullOnly(schema) { object["type"] = .string("null") }
        return .object(object)
    }
}
