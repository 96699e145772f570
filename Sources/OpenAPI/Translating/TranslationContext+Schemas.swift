import YAML

extension TranslationContext {
    /// Converts a schema object; every `$ref` becomes a reference whose target is converted once
    /// into `schemas` (a reference to a schema being converted is a cycle and stays a reference).
    func schema(from value: OrderedValue, at location: Location) -> Schema {
        guard case .object(let object) = value else {
            // JSON Schema 2020-12 §4.3.2: `true` allows anything; `false` is rare enough to read as any.
            if case .bool = value { return Schema() }
            warn("a schema must be an object", at: location)
            return Schema()
        }
        if case .string(let reference)? = object["$ref"] {
            return referencedSchema(reference, at: location)
        }
        var schema = Schema()
        readType(object["type"], into: &schema, at: location)
        if object["nullable"]?.boolValue == true || object["x-nullable"]?.boolValue == true { schema.isNullable = true }
        schema.format = object["format"]?.stringValue ?? schema.format
        schema.title = object["title"]?.stringValue
        schema.description = object["description"]?.stringValue
        if case .array(let values)? = object["enum"] {
            schema.enumValues = values
            if values.contains(.null) { schema.isNullable = true }
        }
        schema.constValue = object["const"]
        schema.defaultValue = object["default"]
        schema.pattern = object["pattern"]?.stringValue
        schema.minimum = object["minimum"]?.doubleValue
        schema.maximum = object["maximum"]?.doubleValue
        schema.minLength = Self.integer(object["minLength"])
        schema.maxLength = Self.integer(object["maxLength"])
        schema.minItems = Self.integer(object["minItems"])
        schema.maxItems = Self.integer(object["maxItems"])
        schema.isReadOnly = object["readOnly"]?.boolValue ?? false
        schema.isWriteOnly = object["writeOnly"]?.boolValue ?? false
        schema.isDeprecated = object["deprecated"]?.boolValue ?? false
        if case .object(let properties)? = object["properties"] {
            let propertiesLocation = location.appending("properties")
            schema.properties.reserveCapacity(properties.count)
            for entry in properties.entries {
                schema.properties.append(
                    Schema.Property(name: entry.key, schema: self.schema(from: entry.value, at: propertiesLocation.appending(entry.key))))
            }
        }
        if case .array(let required)? = object["required"] {
            schema.requiredProperties = required.compactMap(\.stringValue)
        }
        switch object["items"] {
        case .object?:
            schema.items = self.schema(from: object["items"] ?? .null, at: location.appending("items"))
        case .array(let tuple)?:
            // Swagger 2.0 / draft 4 tuple validation: the first element's schema is the best single guess.
            if let first = tuple.first { schema.items = self.schema(from: first, at: location.appending("items").appending(0)) }
        default:
            break
        }
        switch object["additionalProperties"] {
        case .bool(false)?:
            schema.forbidsAdditionalProperties = true
        case .object(let additional)? where !additional.isEmpty:
            schema.additionalProperties = self.schema(from: .object(additional), at: location.appending("additionalProperties"))
        default:
            break
        }
        schema.oneOf = subschemas(object["oneOf"], at: location.appending("oneOf"))
        schema.anyOf = subschemas(object["anyOf"], at: location.appending("anyOf"))
        schema.allOf = subschemas(object["allOf"], at: location.appending("allOf"))
        switch object["discriminator"] {
        case .string(let propertyName)?: schema.discriminator = propertyName
        case .object(let discriminator)?: schema.discriminator = discriminator["propertyName"]?.stringValue
        default: break
        }
        return schema
    }

    private func subschemas(_ value: OrderedValue?, at location: Location) -> [Schema] {
        guard case .array(let elements)? = value else { return [] }
        return elements.enumerated().map { schema(from: $0.element, at: location.appending($0.offset)) }
    }

    private func referencedSchema(_ reference: String, at location: Location) -> Schema {
        switch documents.target(of: reference, from: location.document) {
        case .unsupported(let reason):
            reportReference(reference, reason, at: location)
            return Schema()
        case .location(let target):
            let key = target.key
            if schemas[key] != nil || schemasInProgress.contains(key) { return Schema(reference: key) }
            guard let value = documents.value(at: target) else {
                reportReference(reference, missingTargetReason(target), at: location)
                return Schema()
            }
            schemasInProgress.insert(key)
            let converted = schema(from: value, at: target)
            schemasInProgress.remove(key)
            schemas[key] = converted
            return Schema(reference: key)
        }
    }

    /// `type` as a string, or (OpenAPI 3.1) an array where "null" means nullable.
    private func readType(_ value: OrderedValue?, into schema: inout Schema, at location: Location) {
        switch value {
        case .string(let name)?:
            appendType(name, to: &schema, at: location)
        case .array(let names)?:
            for case .string(let name) in names { appendType(name, to: &schema, at: location) }
        default:
            break
        }
    }

    private func appendType(_ name: String, to schema: inout Schema, at location: Location) {
        if name == "null" {
            schema.isNullable = true
        } else if name == "file" {
            // Swagger 2.0 §4.3.3: `file` is an uploaded file, a binary string in OpenAPI 3 terms.
            schema.types.append(.string)
            schema.format = "binary"
        } else if let type = Schema.JSONType(rawValue: name) {
            schema.types.append(type)
        } else {
            warn("unknown schema type \"\(name)\" ignored", at: location.appending("type"))
        }
    }

    private static func integer(_ value: OrderedValue?) -> Int? {
        switch value {
        case .int(let integer)?: return integer
        case .double(let double)? where double.rounded() == double && abs(double) < 1e15: return Int(double)
        default: return nil
        }
    }
}
