import SQLite

/// What the OAuth flow and the refresher read about an integration: its scope, its client
/// settings and the client secret opened from the vault.
struct OAuthIntegration {
    var scope: IntegrationScope
    var settings: OAuthClientSettings
    var clientSecret: String?

    /// Reads the integration inside a caller's transaction; another company's id is not found,
    /// and an integration that does not use OAuth is ``OAuthFlowError/notOAuth``.
    static func load(_ conn: Connection, companyID: String, integrationID: String, vault: SecretVault) throws -> OAuthIntegration {
        guard
            let row = try conn.queryOne(
                "SELECT scope, auth_method, auth_config FROM integrations WHERE company_id = ? AND id = ?", companyID, integrationID)
        else { throw DomainError(.notFound, "No such integration.") }
        guard let scope = IntegrationScope(rawValue: try row["scope"]) else { throw DomainError(.invalid, "Unknown scope in the database.") }
        guard case .oauth2(let settings) = try AuthConfiguration.fromColumns(method: try row["auth_method"], configuration: try row["auth_config"])
        else { throw OAuthFlowError.notOAuth }
        let client = try CredentialRecords(companyID: companyID, vault: vault).load(
            conn, integrationID: integrationID, userID: nil, purpose: .oauthClient)
        return OAuthIntegration(scope: scope, settings: settings, clientSecret: client?.secrets.clientSecret.flatMap { $0.isEmpty ? nil : $0 })
    }
}
