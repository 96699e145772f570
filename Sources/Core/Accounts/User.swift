import Foundation

/// A person who signs in; belongs to companies through memberships.
public struct User: Sendable, Equatable, Identifiable {
    public var id: String
    public var email: String
    public var displayName: String
    public var createdAt: Date

    /// The display name, or the email when there is none.
    public var label: String { displayName.isEmpty ? email : displayName }
}
