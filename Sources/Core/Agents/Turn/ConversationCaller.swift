/// Who acts in a conversation (always the member it belongs to), with what the audit log keeps.
public struct ConversationCaller: Sendable, Hashable {
    /// The member.
    public var userID: String
    /// The browser's address.
    public var clientAddress: String?
    /// The request id.
    public var requestID: String?

    /// Creates a caller.
    public init(userID: String, clientAddress: String? = nil, requestID: String? = nil) {
        self.userID = userID
        self.clientAddress = clientAddress
        self.requestID = requestID
    }

    func context(agentID: String) -> ActionRunContext {
        ActionRunContext(userID: userID, agentID: agentID, purpose: .agent, clientAddress: clientAddress, requestID: requestID)
    }

    var actor: Actor { Actor(kind: .user, userID: userID, agentID: nil, clientAddress: clientAddress, requestID: requestID) }
}
