import Foundation
import SQLite

/// Connections to integrations: a member's own (per-user scope) or the company's (`userID`
/// nil), for token, basic and header credentials and for the OAuth flow's tokens. Made for one
/// company; the secrets go in and never come back out, except OAuth tokens to the refresher.
///
/// ```swift
/// let credentials = CredentialStore(database: db, companyID: company.id, vault: vault)
/// try credentials.connect(integrationID: id, userID: member.id, secrets: CredentialSecrets(token: token), by: .user(member.id))
/// credentials.connection(integrationID: id, userID: member.id)?.hints["token"]  // "set · ends in …4f2a"
/// ```
public struct CredentialStore: Sendable {
    /// The database.
    public let database: Database
    /// The company.
    public let companyID: String
    /// Seals and opens the secrets.
    public let vault: SecretVault
    /// The time source.
    public let clock: WallClock

    /// Creates the store of one company.
    public init(database: Database, companyID: String, vault: SecretVault, clock: WallClock = .system) {
        self.database = database
        self.companyID = companyID
        self.vault = vault
        self.clock = clock
    }

    var records: CredentialRecords { CredentialRecords(companyID: companyID, vault: vault) }

    /// Saves a member's own connection (token, basic or header values) for a per-user
    /// integration; blank fields keep what is stored. Problems come back as ``FormErrors``.
    public func connect(integrationID: String, userID: String, secrets: CredentialSecrets, by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            let (scope, auth) = try integrationSettings(integrationID, in: conn)
            guard scope == .perUser else { throw DomainError(.conflict, "This integration uses the company's credentials.") }
            if case .oauth2 = auth { throw DomainError(.conflict, "This integration connects with OAuth.") }
            try requireMember(userID, in: conn)
            let stored =
                try records.load(conn, integrationID: integrationID, userID: userID, purpose: .connection)?.secrets ?? CredentialSecrets()
            let problems = IntegrationValidation.connectionProblems(auth, secrets: secrets, stored: stored)
            guard problems.isEmpty else { throw FormErrors(problems) }
            var names: [String] = []
            if case .customHeaders(let headerNames) = auth { names = headerNames }
            let merged = stored.merged(with: secrets).keepingHeaders(names, staticNames: []).connectionPart
            try records.save(conn, integrationID: integrationID, userID: userID, purpose: .connection, secrets: merged, at: now)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "connection.saved", by: actor, target: ("integration", integrationID))
        }
    }

    /// Removes a connection (a member's, or the company's with `userID` nil).
    public func disconnect(integrationID: String, userID: String?, by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            _ = try integrationSettings(integrationID, in: conn)
            try records.delete(conn, integrationID: integrationID, userID: userID, purpose: .connection)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "connection.removed", by: actor, target: ("integration", integrationID))
        }
    }

    /// The hints of a connection, nil when there is none.
    public func connection(integrationID: String, userID: String?) throws -> CredentialSummary? {
        try database.read { conn in
            try records.summary(conn, integrationID: integrationID, userID: userID, purpose: .connection)
        }
    }

    /// Stores tokens from the OAuth flow or a refresh. With `expectedVersion` (the version a
    /// refresh read; 0 when nothing was stored), the save happens only if no other refresh saved
    /// first, else it throws ``DomainError/Code/conflict``. Returns the new version.
    @discardableResult
    public func saveOAuthTokens(
        integrationID: String, userID: String?, tokens: OAuthTokens, expectedVersion: Int? = nil, by actor: Actor
    ) throws -> Int {
        let now = clock.now()
        return try database.write { conn in
            let (_, auth) = try integrationSettings(integrationID, in: conn)
            guard case .oauth2 = auth else { throw DomainError(.conflict, "This integration does not use OAuth.") }
            if let userID { try requireMember(userID, in: conn) }
            let current = try records.load(conn, integrationID: integrationID, userID: userID, purpose: .connection)
            // Versions start at 1, so 0 expects no row at all.
            if let expectedVersion, (current?.version ?? 0) != expectedVersion {
                throw DomainError(.conflict, "The tokens were refreshed by another request.")
            }
            let secrets = CredentialSecrets(
                accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? current?.secrets.refreshToken)
            let version = try records.save(
                conn, integrationID: integrationID, userID: userID, purpose: .connection, secrets: secrets, at: now,
                expiresAt: tokens.expiresAt, scopes: tokens.scopes)
            let event = expectedVersion == nil || current == nil ? "connection.connected" : "connection.refreshed"
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, event,
                by: actor, target: ("integration", integrationID), detail: ["scope": userID == nil ? "global" : "own"])
            return version
        }
    }

    /// The stored OAuth tokens of a connection, for the refresher; nil when not connected.
    public func oauthTokens(integrationID: String, userID: String?) throws -> StoredOAuthTokens? {
        try database.read { conn in
            guard let record = try records.load(conn, integrationID: integrationID, userID: userID, purpose: .connection),
                let accessToken = record.secrets.accessToken
            else { return nil }
            return StoredOAuthTokens(
                tokens: OAuthTokens(
                    accessToken: accessToken, refreshToken: record.secrets.refreshToken, expiresAt: record.expiresAt, scopes: record.scopes),
                version: record.version, needsReconnection: record.needsReconnection)
        }
    }

    /// Marks a connection as needing the user to connect again (after a failed refresh); the
    /// next use asks for it.
    public func markNeedsReconnection(integrationID: String, userID: String?, by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            try conn.execute(
                """
                UPDATE credentials SET status = 'needs_reconnection', updated_at = ?
                WHERE company_id = ? AND integration_id = ? AND purpose = 'connection' AND user_id IS ?
                """, now, companyID, integrationID, userID)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "connection.needs_reconnection", by: actor, target: ("integration", integrationID))
        }
    }

    private func integrationSettings(_ id: String, in conn: Connection) throws -> (IntegrationScope, AuthConfiguration) {
        guard
            let row = try conn.queryOne(
                "SELECT scope, auth_method, auth_config FROM integrations WHERE company_id = ? AND id = ?", companyID, id)
        else { throw DomainError(.notFound, "No such integration.") }
        guard let scope = IntegrationScope(rawValue: try row["scope"]) else {
            throw DomainError(.invalid, "Unknown scope in the database.")
        }
        return (scope, try AuthConfiguration.fromColumns(method: try row["auth_method"], configuration: try row["auth_config"]))
    }

    private func requireMember(_ userID: String, in conn: Connection) throws {
        guard try conn.queryOne("SELECT 1 AS x FROM memberships WHERE company_id = ? AND user_id = ?", companyID, userID) != nil else {
            throw DomainError(.notFound, "No such member.")
        }
    }
}
