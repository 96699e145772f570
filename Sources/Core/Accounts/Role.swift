/// A member's role in one company. Owners manage roles; Admins and Owners manage integrations.
public enum Role: String, Sendable, CaseIterable, Comparable, Codable {
    case member, admin, owner

    /// Settings → Integrations: add, edit, delete, connect global OAuth.
    public var canManageIntegrations: Bool { self >= .admin }
    /// Settings → Members: invite, change roles, remove, transfer ownership.
    public var canManageMembers: Bool { self == .owner }
    /// Settings → Audit log and the member list (read only for Admins).
    public var canViewAdministration: Bool { self >= .admin }

    public var label: String {
        switch self {
        case .member: "Member"
        case .admin: "Admin"
        case .owner: "Owner"
        }
    }

    private var rank: Int {
        switch self {
        case .member: 0
        case .admin: 1
        case .owner: 2
        }
    }

    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}
