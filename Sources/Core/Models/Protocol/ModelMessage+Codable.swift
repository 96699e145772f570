import YAML

/// Conversations are stored as JSON: `{"role": "user", "text": "…"}`, an assistant's calls under
/// `toolCalls`, a tool message's result under `result`.
extension ModelMessage: Codable {
    private enum CodingKeys: String, CodingKey {
        case role, text, toolCalls, result
    }

    private enum Role: String, Codable {
        case system, user, assistant, tool
    }

    /// Encodes the message with its role.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .system(let text):
            try container.encode(Role.system, forKey: .role)
            try container.encode(text, forKey: .text)
        case .user(let text):
            try container.encode(Role.user, forKey: .role)
            try container.encode(text, forKey: .text)
        case .assistant(let text, let calls):
            try container.encode(Role.assistant, forKey: .role)
            try container.encode(text, forKey: .text)
            if !calls.isEmpty { try container.encode(calls, forKey: .toolCalls) }
        case .tool(let result):
            try container.encode(Role.tool, forKey: .role)
            try container.encode(result, forKey: .result)
        }
    }

    /// Decodes what `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Role.self, forKey: .role) {
        case .system: self = .system(try container.decode(String.self, forKey: .text))
        case .user: self = .user(try container.decode(String.self, forKey: .text))
        case .assistant:
            self = .assistant(
                text: try container.decodeIfPresent(String.self, forKey: .text) ?? "",
                toolCalls: try container.decodeIfPresent([ToolCall].self, forKey: .toolCalls) ?? [])
        case .tool: self = .tool(try container.decode(ToolResult.self, forKey: .result))
        }
    }
}
