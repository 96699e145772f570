import Foundation

/// A tenant: everything else belongs to exactly one company.
public struct Company: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var createdAt: Date
}
