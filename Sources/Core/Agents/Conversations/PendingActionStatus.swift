/// Where a pending action is in its life (the `pending_actions.status` column).
public enum PendingActionStatus: String, Sendable, Hashable, Codable {
    /// A per-user action waits for the member to connect.
    case awaitingConnection = "awaiting_connection"
    /// A write waits for Confirm or Cancel.
    case pending
    /// Confirmed and running.
    case confirmed
    /// The member declined.
    case cancelled
    /// It ran and the API answered.
    case succeeded
    /// It ran and failed (no answer, or an error status).
    case failed
    /// It was not decided in time.
    case expired

    /// Whether the member can still act on it.
    public var isOpen: Bool { self == .pending || self == .awaitingConnection }
}
