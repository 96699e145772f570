import YAML

/// A model's request to run one tool: which one, and with which arguments.
public struct ToolCall: Sendable, Hashable {
    /// The call's id, echoed by its result (`tool_call_id` in chat completions).
    public var id: String
    /// The tool's function name (``ToolDescription/name``).
    public var name: String
    /// The arguments, keyed by ``ToolParameter/name``.
    public var arguments: OrderedObject

    /// Creates a call.
    public init(id: String, name: String, arguments: OrderedObject = OrderedObject()) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}
