import YAML

/// Stored as `{"id", "name", "arguments": {…}}`.
extension ToolCall: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, arguments
    }

    /// Encodes `{"id", "name", "arguments": {…}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(OrderedValue.object(arguments), forKey: .arguments)
    }

    /// Decodes what `encode(to:)` writes; the arguments must be an object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard case .object(let arguments) = try container.decode(OrderedValue.self, forKey: .arguments) else {
            throw DecodingError.dataCorruptedError(forKey: .arguments, in: container, debugDescription: "arguments are not an object")
        }
        self.init(
            id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name), arguments: arguments
        )
    }
}
