import OpenAPI

/// An agent's Tools settings page: the company's integrations, each with its enabled actions and
/// whether this agent may call them, and how big the chosen set is for a model.
public struct AgentToolSettings: Sendable, Hashable {
    /// One action as the settings list it.
    public struct ActionChoice: Sendable, Hashable {
        /// The action's id (the value of its checkbox).
        public var actionID: String
        /// Its human name ("Create Invoice").
        public var name: String
        /// What it does.
        public var description: String
        /// The HTTP method.
        public var method: APIOperation.Method
        /// The path template.
        public var path: String
        /// Whether it writes (runs only after the user confirms).
        public var isWrite: Bool
        /// Whether this agent may call it.
        public var isEnabledForAgent: Bool
    }

    /// One integration with its actions.
    public struct IntegrationTools: Sendable, Hashable {
        /// The integration's id.
        public var integrationID: String
        /// Its name.
        public var name: String
        /// Global (shared credentials) or per-user (each member connects).
        public var scope: IntegrationScope
        /// Its actions an admin left enabled, in import order; disabled ones are not offered.
        public var actions: [ActionChoice]

        /// How many of them this agent may call.
        public var enabledCount: Int { actions.filter(\.isEnabledForAgent).count }
    }

    /// The agent.
    public var agent: Agent
    /// The company's integrations by name (those with no enabled action included, empty).
    public var integrations: [IntegrationTools]
    /// The size of the enabled tools' descriptions, with ``ToolSetSize/warning``.
    public var size: ToolSetSize

    /// How many actions this agent may call.
    public var toolCount: Int { size.toolCount }
    /// What to tell the person when there are too many tools, else nil.
    public var warning: String? { size.warning }
}
