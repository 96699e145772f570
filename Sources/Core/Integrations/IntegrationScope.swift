/// Whose credentials an integration's actions use.
public enum IntegrationScope: String, Sendable, Hashable, Codable, CaseIterable {
    /// One company credential, set by an admin, used for everyone.
    case global
    /// Each member connects their own account before their first use.
    case perUser = "per_user"

    /// "Global" or "Per-user", for forms and lists.
    public var label: String {
        switch self {
        case .global: "Global"
        case .perUser: "Per-user"
        }
    }
}
