import Foundation

/// One user's place in one company.
public struct Membership: Sendable, Equatable {
    public var company: Company
    public var role: Role
}

/// A member as the Members page lists them.
public struct Member: Sendable, Equatable {
    public var user: User
    public var role: Role
    public var joinedAt: Date
}
