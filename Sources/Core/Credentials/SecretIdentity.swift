/// The row a secret belongs to, bound into its ciphertext as associated data.
///
/// A sealed secret copied into another row (or another company) fails to open, because the
/// identity it was sealed with — `"<table>/<company_id>/<row id>"` — no longer matches.
public struct SecretIdentity: Hashable, Sendable, CustomStringConvertible {
    /// The table holding the secret.
    public let table: String
    /// The owning company's id.
    public let companyID: String
    /// The row's id within the company.
    public let rowID: String

    /// Creates an identity from its parts.
    public init(table: String, companyID: String, rowID: String) {
        self.table = table
        self.companyID = companyID
        self.rowID = rowID
    }

    /// The secret of a `credentials` row.
    public static func credential(companyID: String, id: String) -> SecretIdentity {
        SecretIdentity(table: "credentials", companyID: companyID, rowID: id)
    }

    /// The PKCE code verifier of an `oauth_states` row.
    public static func oauthState(companyID: String, id: String) -> SecretIdentity {
        SecretIdentity(table: "oauth_states", companyID: companyID, rowID: id)
    }

    /// `"<table>/<company_id>/<row id>"`.
    public var description: String { "\(table)/\(companyID)/\(rowID)" }

    /// The associated data: the description's UTF-8 bytes. Ids are random base64url, which has
    /// no `/`, so two different identities never give the same bytes.
    public var associatedData: [UInt8] { Array(description.utf8) }
}
