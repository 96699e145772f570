/// One action an agent may call, as its turn uses it: the action's id and integration, and the
/// description its model sees (function names are unique among the agent's tools).
public struct AgentTool: Sendable, Hashable {
    /// The action's id.
    public var actionID: String
    /// The integration's id.
    public var integrationID: String
    /// The integration's name ("Acme HR"), for connect cards.
    public var integrationName: String
    /// Whether the action writes (per the admin's override, else the schema).
    public var isWrite: Bool
    /// What the model sees.
    public var description: ToolDescription
}
