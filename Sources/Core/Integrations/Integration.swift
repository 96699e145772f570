import Foundation
import OpenAPI

/// An HTTP API a company imported from its OpenAPI schema, without its secrets.
public struct Integration: Sendable, Hashable {
    /// The integration's id (unique within the company).
    public var id: String
    /// Its name, from `info.title` unless the admin changed it.
    public var name: String
    /// What it is for.
    public var description: String
    /// Where requests go: `https://api.example.com/v1`.
    public var baseURL: String
    /// Whose credentials its actions use.
    public var scope: IntegrationScope
    /// How it authenticates (no secrets).
    public var auth: AuthConfiguration
    /// The schema as imported (JSON or YAML text).
    public var schemaText: String
    /// Where the schema was fetched from, when it came from a URL.
    public var sourceURL: String?
    /// The import's warnings.
    public var warnings: [Diagnostic]
    /// How many actions it has.
    public var actionCount: Int
    /// How many of them are enabled.
    public var enabledActionCount: Int
    /// What the company credential's fields look like ("set · ends in …4f2a"), empty when none
    /// is stored; see ``CredentialSummary``.
    public var companyCredential: CredentialSummary?
    /// The OAuth client secret and static headers' hints, for OAuth integrations.
    public var oauthClientCredential: CredentialSummary?
    /// When it was created.
    public var createdAt: Date
    /// When its settings last changed.
    public var updatedAt: Date
}

/// A row of Settings → Integrations.
public struct IntegrationSummary: Sendable, Hashable {
    /// The integration's id.
    public var id: String
    /// Its name.
    public var name: String
    /// Its scope.
    public var scope: IntegrationScope
    /// Its authentication method's label ("Bearer token").
    public var authLabel: String
    /// How many actions it has.
    public var actionCount: Int
    /// How many are enabled.
    public var enabledActionCount: Int
    /// Whether it can be used as it is.
    public var status: IntegrationStatus
}

/// Whether an integration can be used as it is, for the list's status column.
public enum IntegrationStatus: String, Sendable, Hashable {
    /// Credentials are in place and the schema imported cleanly.
    case ready
    /// Per-user scope (each member connects on first use), or a global credential is missing.
    case needsConnection = "needs_connection"
    /// The global OAuth token has expired or its refresh failed.
    case tokenExpired = "token_expired"
    /// Usable, but the import left warnings to read.
    case schemaHasWarnings = "schema_has_warnings"

    /// "ready", "needs connection", "token expired", "schema has warnings".
    public var label: String {
        switch self {
        case .ready: "ready"
        case .needsConnection: "needs connection"
        case .tokenExpired: "token expired"
        case .schemaHasWarnings: "schema has warnings"
        }
    }
}

/// What a form may show about a stored credential: never the values.
public struct CredentialSummary: Sendable, Hashable {
    /// Field name → "set · ends in …4f2a" (see ``CredentialSecrets/displayHints``).
    public var hints: [String: String]
    /// When the secrets were last saved.
    public var updatedAt: Date
    /// `active`, or `needs_reconnection` after a failed OAuth refresh.
    public var needsReconnection: Bool
    /// When an OAuth access token expires, if known.
    public var expiresAt: Date?
}
