import YAML

/// One message of a conversation as models see it.
///
/// Chat-completions roles (system, user, assistant, tool): an assistant message may carry tool
/// calls, and each call is answered by a tool message holding its result.
public enum ModelMessage: Sendable, Hashable {
    /// Instructions for the model (the agent's instructions).
    case system(String)
    /// What the person wrote.
    case user(String)
    /// What the model answered: text, tool calls, or both.
    case assistant(text: String, toolCalls: [ToolCall])
    /// The (redacted) result of one tool call.
    case tool(ToolResult)

    /// An assistant message with text only.
    public static func assistant(_ text: String) -> ModelMessage {
        .assistant(text: text, toolCalls: [])
    }
}
