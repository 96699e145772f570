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
        var contentEncoding: String?
        var hasContentMediaType = false
        // One pass over the keywords (schemas are the bulk of a document); unknown ones are ignored.
        for entry in object.entries {
            let value = entry.value
            guard let keyword = SchemaKeyword(name: entry.key) else { continue }
            switch keyword {
            case .type: readType(value, into: &schema, at: location)
            case .nullable, .xNullable: if value.boolValue == true { schema.isNullable = true }
            case .format: if let format = value.stringValue { schema.format = format }
            case .contentMediaType: hasContentMediaType = true
            case .contentEncoding: contentEncoding = value.stringValue
            case .title: schema.title = value.stringValue
            case .description: schema.description = value.stringValue
            case .enumValues:
                if case .array(let values) = value {
                    schema.enumValues = values
                    if values.contains(.null) { schema.isNullable = true }
                }
            case .constValue: schema.constValue = value
            case .defaultValue: schema.defaultValue = value
            case .pattern: if let pattern = value.stringValue { schema.pattern = pattern }
            case .minimum: if let number = value.doubleValue { schema.minimum = number }
            case .maximum: if let number = value.doubleValue { schema.maximum = number }
            case .minLength: if let number = Self.integer(value) { schema.minLength = number }
            case .maxLength: if let number = Self.integer(value) { schema.maxLength = number }
            case .minItems: if let number = Self.integer(value) { schema.minItems = number }
            case .maxItems: if let number = Self.integer(value) { schema.maxItems = number }
            case .readOnly: schema.isReadOnly = value.boolValue ?? false
            case .writeOnly: schema.isWriteOnly = value.boolValue ?? false
            case .deprecated: schema.isDeprecated = value.boolValue ?? false
            case .properties:
                guard case .object(let properties) = value else { continue }
                let propertiesLocation = location.appending("properties")
                schema.properties.reserveCapacity(properties.count)
                for property in properties.entries {
                    schema.properties.append(
                        Schema.Property(
                            name: property.key, schema: self.schema(from: property.value, at: propertiesLocation.appending(property.key))))
                }
            case .required:
                if case .array(let required) = value { schema.requiredProperties = required.compactMap(\.stringValue) }
            case .items:
                switch value {
                case .object:
                    schema.items = self.schema(from: value, at: location.appending("items"))
                case .array(let tuple):
                    // Swagger 2.0 / draft 4 tuple validation: the first element's schema is the best single guess.
                    if let first = tuple.first { schema.items = self.schema(from: first, at: location.appending("items").appending(0)) }
                default:
                    break
                }
            case .additionalProperties:
                switch value {
                case .bool(false): schema.forbidsAdditionalProperties = true
                case .object(let additional) where !additional.isEmpty:
                    schema.additionalProperties = self.schema(from: value, at: location.appending("additionalProperties"))
                default: break
                }
            case .oneOf: schema.oneOf = subschemas(value, at: location.appending("oneOf"))
            case .anyOf: schema.anyOf = subschemas(value, at: location.appending("anyOf"))
            case .allOf: schema.allOf = subschemas(value, at: location.appending("allOf"))
            case .discriminator:
                switch value {
                case .string(let propertyName): schema.discriminator = propertyName
                case .object(let discriminator):
                    if let propertyName = discriminator["propertyName"]?.stringValue { schema.discriminator = propertyName }
                default: break
                }
            }
        }
        // OpenAPI 3.1 §4.8.14.3 describes file content with `contentMediaType` (and
        // `contentEncoding: base64`) where 3.0 said `format: binary` / `byte`: one model for both.
        if hasContentMediaType, schema.format == nil, schema.types.isEmpty || schema.types == [.string] {
            schema.format = contentEncoding?.lowercased() == "base64" ? "byte" : "binary"
        }
        return schema
    }

    private func subschemas(_ value: OrderedValue, at location: Location) -> [Schema] {
        guard case .array(let elements) = value else { return [] }
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
    private func readType(_ value: OrderedValue, into schema: inout Schema, at location: Location) {
        switch value {
        case .string(let name):
            appendType(name, to: &schema, at: location)
        case .array(let names):
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
            appendType(.string, to: &schema)
            if schema.format == nil { schema.format = "binary" }
        } else if let type = Self.jsonType(named: name) {
            appendType(type, to: &schema)
        } else {
            warn("unknown schema type \"\(name)\" ignored", at: location.appending("type"))
        }
    }

    /// Nearly every schema has one type: it shares a preallocated one-element array.
    private func appendType(_ type: Schema.JSONType, to schema: inout Schema) {
        guard schema.types.isEmpty else {
            schema.types.append(type)
            return
        }
        switch type {
        case .string: schema.types = Self.stringType
        case .number: schema.types = Self.numberType
        case .integer: schema.types = Self.integerType
        case .boolean: schema.types = Self.booleanType
        case .array: schema.types = Self.arrayType
        case .object: schema.types = Self.objectType
        case .null: schema.types = [.null]
        }
    }

    private static let stringType: [Schema.JSONType] = [.string]
    private static let numberType: [Schema.JSONType] = [.number]
    private static let integerType: [Schema.JSONType] = [.integer]
    private static let booleanType: [Schema.JSONType] = [.boolean]
    private static let arrayType: [Schema.JSONType] = [.array]
    private static let objectType: [Schema.JSONType] = [.object]

    /// `Schema.JSONType(rawValue:)` by comparing short strings directly, faster than the
    /// synthesised table search on a keyword nearly every schema holds.
    private static func jsonType(named name: String) -> Schema.JSONType? {
        switch name {
        case "string": return .string
        case "object": return .object
        case "integer": return .integer
        case "array": return .array
        case "boolean": return .boolean
        case "number": return .number
        default: return Schema.JSONType(rawValue: name)
        }
    }

    private static func integer(_ value: OrderedValue) -> Int? {
        switch value {
        case .int(let integer): return integer
        case .double(let double) where double.rounded() == double && abs(double) < 1e15: return Int(double)
        default: return nil
        }
    }
}
