import YAML

extension Schema: Codable {
    private enum CodingKeys: String, CodingKey {
        case reference = "$ref", types = "type", isNullable = "nullable", format, title, description
        case enumValues = "enum", constValue = "const", defaultValue = "default", properties, requiredProperties = "required"
        case oneOf, anyOf, allOf, discriminator, pattern, minimum, maximum, minLength, maxLength, minItems, maxItems
        case isReadOnly = "readOnly", isWriteOnly = "writeOnly", isDeprecated = "deprecated", items
        case additionalProperties
    }

    /// Encodes only the fields that are set, under their JSON Schema names.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(reference, forKey: .reference)
        if !types.isEmpty { try container.encode(types, forKey: .types) }
        if isNullable { try container.encode(true, forKey: .isNullable) }
        try container.encodeIfPresent(format, forKey: .format)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(enumValues, forKey: .enumValues)
        try container.encodeIfPresent(constValue, forKey: .constValue)
        try container.encodeIfPresent(defaultValue, forKey: .defaultValue)
        if !properties.isEmpty { try container.encode(properties, forKey: .properties) }
        if !requiredProperties.isEmpty { try container.encode(requiredProperties, forKey: .requiredProperties) }
        if !oneOf.isEmpty { try container.encode(oneOf, forKey: .oneOf) }
        if !anyOf.isEmpty { try container.encode(anyOf, forKey: .anyOf) }
        if !allOf.isEmpty { try container.encode(allOf, forKey: .allOf) }
        try container.encodeIfPresent(discriminator, forKey: .discriminator)
        try container.encodeIfPresent(pattern, forKey: .pattern)
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
        try container.encodeIfPresent(minLength, forKey: .minLength)
        try container.encodeIfPresent(maxLength, forKey: .maxLength)
        try container.encodeIfPresent(minItems, forKey: .minItems)
        try container.encodeIfPresent(maxItems, forKey: .maxItems)
        if isReadOnly { try container.encode(true, forKey: .isReadOnly) }
        if isWriteOnly { try container.encode(true, forKey: .isWriteOnly) }
        if isDeprecated { try container.encode(true, forKey: .isDeprecated) }
        try container.encodeIfPresent(items, forKey: .items)
        if let additionalProperties {
            try container.encode(additionalProperties, forKey: .additionalProperties)
        } else if forbidsAdditionalProperties {
            try container.encode(false, forKey: .additionalProperties)
        }
    }

    /// Decodes what `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        reference = try container.decodeIfPresent(String.self, forKey: .reference)
        types = try container.decodeIfPresent([JSONType].self, forKey: .types) ?? []
        isNullable = try container.decodeIfPresent(Bool.self, forKey: .isNullable) ?? false
        format = try container.decodeIfPresent(String.self, forKey: .format)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        enumValues = try container.decodeIfPresent([OrderedValue].self, forKey: .enumValues)
        constValue = try container.decodeIfPresent(OrderedValue.self, forKey: .constValue)
        defaultValue = try container.decodeIfPresent(OrderedValue.self, forKey: .defaultValue)
        properties = try container.decodeIfPresent([Property].self, forKey: .properties) ?? []
        requiredProperties = try container.decodeIfPresent([String].self, forKey: .requiredProperties) ?? []
        oneOf = try container.decodeIfPresent([Schema].self, forKey: .oneOf) ?? []
        anyOf = try container.decodeIfPresent([Schema].self, forKey: .anyOf) ?? []
        allOf = try container.decodeIfPresent([Schema].self, forKey: .allOf) ?? []
        discriminator = try container.decodeIfPresent(String.self, forKey: .discriminator)
        pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
        minimum = try container.decodeIfPresent(Double.self, forKey: .minimum)
        maximum = try container.decodeIfPresent(Double.self, forKey: .maximum)
        minLength = try container.decodeIfPresent(Int.self, forKey: .minLength)
        maxLength = try container.decodeIfPresent(Int.self, forKey: .maxLength)
        minItems = try container.decodeIfPresent(Int.self, forKey: .minItems)
        maxItems = try container.decodeIfPresent(Int.self, forKey: .maxItems)
        isReadOnly = try container.decodeIfPresent(Bool.self, forKey: .isReadOnly) ?? false
        isWriteOnly = try container.decodeIfPresent(Bool.self, forKey: .isWriteOnly) ?? false
        isDeprecated = try container.decodeIfPresent(Bool.self, forKey: .isDeprecated) ?? false
        items = try container.decodeIfPresent(Schema.self, forKey: .items)
        if (try? container.decodeIfPresent(Bool.self, forKey: .additionalProperties)) == false {
            forbidsAdditionalProperties = true
        } else {
            additionalProperties = try container.decodeIfPresent(Schema.self, forKey: .additionalProperties)
        }
    }
}
