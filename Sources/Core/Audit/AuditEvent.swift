import Foundation

/// One line of a company's audit log.
public struct AuditEvent: Sendable, Equatable {
    public enum ActorKind: String, Sendable {
        case user, agent, system
    }

    public var id: String
    public var occurredAt: Date
    public var actorKind: ActorKind
    public var actorUserID: String?
    /// The actor's email when the actor is a user who still exists.
    public var actorEmail: String?
    /// Dotted name: `session.signed_in`, `member.role_changed`, `action.run`.
    public var event: String
    public var targetType: String?
    public var targetID: String?
    public var clientAddress: String?
    /// Redacted detail as a JSON object text.
    public var detail: String
}

/// Who did something and from where, for the audit log.
public struct Actor: Sendable, Equatable {
    public var kind: AuditEvent.ActorKind
    public var userID: String?
    public var agentID: String?
    public var clientAddress: String?
    public var requestID: String?

    public init(kind: AuditEvent.ActorKind, userID: String?, agentID: String?, clientAddress: String?, requestID: String?) {
        self.kind = kind
        self.userID = userID
        self.agentID = agentID
        self.clientAddress = clientAddress
        self.requestID = requestID
    }

    public static func user(_ id: String, address: String? = nil, requestID: String? = nil) -> Actor {
        Actor(kind: .user, userID: id, agentID: nil, clientAddress: address, requestID: requestID)
    }

    public static let system = Actor(kind: .system, userID: nil, agentID: nil, clientAddress: nil, requestID: nil)
}
