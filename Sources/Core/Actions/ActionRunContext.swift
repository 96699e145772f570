/// Who runs an action and why, for credentials (whose connection) and the audit log.
public struct ActionRunContext: Sendable, Hashable {
    /// Why the action runs.
    public enum Purpose: String, Sendable, Hashable {
        /// An agent's tool call in a conversation (audited as `action.run`).
        case agent
        /// An admin's "Test action" on the integration page (audited as `integration.tested`);
        /// disabled actions may be tested.
        case adminTest = "admin_test"
    }

    /// The member on whose behalf it runs (their own connection for per-user scope).
    public var userID: String
    /// The agent making the call, if any.
    public var agentID: String?
    /// Why it runs.
    public var purpose: Purpose
    /// The browser's address, for the audit log.
    public var clientAddress: String?
    /// The request id, for the audit log.
    public var requestID: String?

    /// Creates a context.
    public init(userID: String, agentID: String? = nil, purpose: Purpose = .agent, clientAddress: String? = nil, requestID: String? = nil) {
        self.userID = userID
        self.agentID = agentID
        self.purpose = purpose
        self.clientAddress = clientAddress
        self.requestID = requestID
    }

    var actor: Actor {
        Actor(kind: agentID == nil ? .user : .agent, userID: userID, agentID: agentID, clientAddress: clientAddress, requestID: requestID)
    }
}
