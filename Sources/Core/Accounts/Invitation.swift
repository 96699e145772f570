import Foundation

/// A one-time link to join a company with a role.
public struct Invitation: Sendable, Equatable {
    public var id: String
    public var company: Company
    public var email: String
    public var role: Role
    public var createdAt: Date
    public var expiresAt: Date
    public var acceptedAt: Date?
    public var revokedAt: Date?

    /// Whether the link can still be used at `now`.
    public func isOpen(at now: Date) -> Bool {
        acceptedAt == nil && revokedAt == nil && expiresAt > now
    }
}
