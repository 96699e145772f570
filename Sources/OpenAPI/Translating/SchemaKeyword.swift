/// The JSON Schema keywords the translator reads.
enum SchemaKeyword: String, CaseIterable {
    case type, nullable, xNullable = "x-nullable", format, title, description
    case enumValues = "enum", constValue = "const", defaultValue = "default", pattern
    case minimum, maximum, minLength, maxLength, minItems, maxItems
    case readOnly, writeOnly, deprecated
    case properties, required, items, additionalProperties, oneOf, anyOf, allOf, discriminator
    case contentMediaType, contentEncoding

    /// The keyword named `name`, or `nil` for any other key.
    ///
    /// Schemas are the bulk of a document, and a string `switch` (or `init(rawValue:)`) compares
    /// a key with every case in turn; a different string costs a full comparison each time.
    /// Looking at the length first leaves at most six candidates (cheaper than hashing the key).
    /// (`rawValue` of a case is a constant string: reading it allocates nothing.)
    init?(name: String) {
        let length = name.utf8.count
        guard length < Self.byLength.count,
            let keyword = Self.byLength[length].first(where: { $0.rawValue == name })
        else { return nil }
        self = keyword
    }

    /// The keywords by the length of their names.
    private static let byLength: [[SchemaKeyword]] = {
        var table = [[SchemaKeyword]](repeating: [], count: (allCases.map(\.rawValue.utf8.count).max() ?? 0) + 1)
        for keyword in allCases { table[keyword.rawValue.utf8.count].append(keyword) }
        return table
    }()
}
