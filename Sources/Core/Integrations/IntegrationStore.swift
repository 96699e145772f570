import Foundation
import OpenAPI
import SQLite

/// A company's integrations: create from a reviewed import, list with a status, read, change
/// settings, delete. Made for one company, so no query can forget the tenant; another company's
/// ids are ``DomainError/Code/notFound``.
///
/// Secrets go in through ``CredentialSecrets`` and never come back out: reads return
/// ``CredentialSummary`` hints only. Only ``ActionExecutor`` opens them, to send a request.
///
/// ```swift
/// let store = IntegrationStore(database: db, companyID: company.id, vault: vault)
/// let integration = try store.create(draft, choices: choices, secrets: CredentialSecrets(token: token), by: .user(adminID))
/// for row in try store.list() { print(row.name, row.status.label) }
/// ```
public struct IntegrationStore: Sendable {
    /// The database.
    public let database: Database
    /// The company whose integrations these are.
    public let companyID: String
    /// Seals and opens credentials.
    public let vault: SecretVault
    /// The time source (token expiry, audit times).
    public let clock: WallClock

    /// Creates the store of one company.
    public init(database: Database, companyID: String, vault: SecretVault, clock: WallClock = .system) {
        self.database = database
        self.companyID = companyID
        self.vault = vault
        self.clock = clock
    }

    var records: CredentialRecords { CredentialRecords(companyID: companyID, vault: vault) }

    /// Every integration of the company by name, with its status.
    public func list() throws -> [IntegrationSummary] {
        let now = clock.now()
        return try database.read { conn in
            try conn.query(
                """
                SELECT \(IntegrationRows.integrationColumns),
                       c.status AS credential_status, c.expires_at AS credential_expires_at, c.id AS credential_id
                FROM integrations i
                LEFT JOIN credentials c ON c.company_id = i.company_id AND c.integration_id = i.id
                     AND c.purpose = 'connection' AND c.user_id IS NULL
                WHERE i.company_id = ? ORDER BY i.name COLLATE NOCASE
                """, companyID
            ).map { row in
                let integration = try IntegrationRows.integration(row)
                let status = Self.status(
                    of: integration, hasCredential: (try row["credential_id"] as String?) != nil,
                    credentialStatus: try row["credential_status"], expiresAt: try row["credential_expires_at"], now: now)
                return IntegrationSummary(
                    id: integration.id, name: integration.name, scope: integration.scope, authLabel: integration.auth.label,
                    actionCount: integration.actionCount, enabledActionCount: integration.enabledActionCount, status: status)
            }
        }
    }

    /// One integration with its credential hints; ``DomainError/Code/notFound`` when the
    /// company has no such integration.
    public func get(_ id: String) throws -> Integration {
        try database.read { conn in try integration(id, in: conn) }
    }

    /// The integration's actions in the order they were imported.
    public func actions(of integrationID: String) throws -> [IntegrationAction] {
        try database.read { conn in
            _ = try integration(integrationID, in: conn)
            return try conn.query(
                "SELECT \(IntegrationRows.actionColumns) FROM actions WHERE company_id = ? AND integration_id = ? ORDER BY rowid",
                companyID, integrationID
            ).map(IntegrationRows.action)
        }
    }

    /// One action by id.
    public func action(_ id: String) throws -> IntegrationAction {
        try database.read { conn in
            guard
                let row = try conn.queryOne(
                    "SELECT \(IntegrationRows.actionColumns) FROM actions WHERE company_id = ? AND id = ?", companyID, id)
            else { throw DomainError(.notFound, "No such action.") }
            return try IntegrationRows.action(row)
        }
    }

    /// Saves a reviewed import: the integration, its actions as chosen, and the secrets
    /// (the company connection's only for global scope; the OAuth client's always).
    ///
    /// Throws ``FormErrors`` with every problem next to its field (see ``IntegrationValidation``;
    /// `actions.<i>.name` counts in the draft's action order) and ``DomainError/Code/conflict``
    /// when the company already has an integration of that name.
    public func create(_ draft: IntegrationDraft, choices: IntegrationChoices, secrets: CredentialSecrets, by actor: Actor) throws
        -> Integration
    {
        let chosen = Dictionary(choices.actions.map { ($0.operationKey, $0) }, uniquingKeysWith: { first, _ in first })
        let finalActions = draft.actions.map { action in
            (
                action,
                chosen[action.operationKey]
                    ?? ActionChoice(operationKey: action.operationKey, name: action.name, isEnabled: action.isEnabled)
            )
        }
        var checked = choices
        checked.actions = finalActions.map(\.1)
        var problems = IntegrationValidation.problems(
            checked, secrets: secrets, storedSecrets: CredentialSecrets(), requireConnectionSecrets: choices.scope == .global,
            checkActions: true)
        if draft.actions.isEmpty {
            problems.append(FieldError(field: "schema", message: "The schema has no operations to turn into actions."))
        }
        guard problems.isEmpty else { throw FormErrors(problems) }
        let now = clock.now()
        let id = try Identifier.make()
        try database.write { conn in
            try requireUniqueName(choices.name, except: nil, in: conn)
            try conn.execute(
                """
                INSERT INTO integrations (company_id, id, name, description, base_url, scope, auth_method, auth_config, schema_text,
                                          schema_source_url, warnings, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, companyID, id, Self.trimmed(choices.name), choices.description, Self.trimmed(choices.baseURL), choices.scope.rawValue,
                choices.auth.methodColumn, try choices.auth.configurationJSON(), draft.schemaText, draft.sourceURL,
                try IntegrationRows.encodeWarnings(draft.warnings), actor.userID, now, now)
            for (action, choice) in finalActions {
                var operation = action.operation
                operation.name = Self.trimmed(choice.name)
                try insertAction(
                    operation, integrationID: id, enabled: choice.isEnabled, writeOverride: choice.writeOverride, at: now, in: conn)
            }
            try saveSecrets(
                secrets, stored: CredentialSecrets(), auth: choices.auth, scope: choices.scope, integrationID: id, at: now, in: conn)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "integration.created", by: actor, target: ("integration", id),
                detail: [
                    "name": choices.name, "scope": choices.scope.rawValue, "auth": choices.auth.methodColumn,
                    "actions": String(finalActions.count),
                ])
        }
        return try get(id)
    }

    /// Changes name, description, base URL, scope and authentication; blank secret fields keep
    /// the stored values (all of them are dropped when the method changes). Actions are left
    /// alone (see ``updateActions(of:_:by:)``).
    public func updateSettings(_ id: String, _ choices: IntegrationChoices, secrets: CredentialSecrets, by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            let current = try integration(id, in: conn)
            let sameMethod = current.auth.methodColumn == choices.auth.methodColumn && current.auth.label == choices.auth.label
            let stored = sameMethod ? try storedSecrets(id, in: conn) : CredentialSecrets()
            let problems = IntegrationValidation.problems(
                choices, secrets: secrets, storedSecrets: stored, requireConnectionSecrets: choices.scope == .global,
                checkActions: false)
            guard problems.isEmpty else { throw FormErrors(problems) }
            try requireUniqueName(choices.name, except: id, in: conn)
            try conn.execute(
                """
                UPDATE integrations SET name = ?, description = ?, base_url = ?, scope = ?, auth_method = ?, auth_config = ?, updated_at = ?
                WHERE company_id = ? AND id = ?
                """, Self.trimmed(choices.name), choices.description, Self.trimmed(choices.baseURL), choices.scope.rawValue,
                choices.auth.methodColumn, try choices.auth.configurationJSON(), now, companyID, id)
            if !sameMethod {
                // Secrets of another method must not linger, members' own connections included.
                try conn.execute("DELETE FROM credentials WHERE company_id = ? AND integration_id = ?", companyID, id)
            } else if choices.scope == .perUser {
                try records.delete(conn, integrationID: id, userID: nil, purpose: .connection)
            } else {
                // Global scope: members' own connections would never be used again.
                try conn.execute(
                    "DELETE FROM credentials WHERE company_id = ? AND integration_id = ? AND user_id IS NOT NULL", companyID, id)
            }
            if case .oauth2(let before) = current.auth, case .oauth2(let after) = choices.auth, before.grant != after.grant {
                // A token of the other grant cannot be renewed the way this one renews them.
                try records.delete(conn, integrationID: id, userID: nil, purpose: .connection)
            }
            try saveSecrets(secrets, stored: stored, auth: choices.auth, scope: choices.scope, integrationID: id, at: now, in: conn)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "integration.updated", by: actor, target: ("integration", id),
                detail: [
                    "name": choices.name, "scope": choices.scope.rawValue, "auth": choices.auth.methodColumn,
                    "secrets_changed": secrets.isEmpty ? "no" : "yes",
                ])
        }
    }

    /// Deletes the integration, its actions (so they leave every agent) and its secrets
    /// (the company's and every member's), by the schema's cascades.
    public func delete(_ id: String, by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            let current = try integration(id, in: conn)
            try conn.execute("DELETE FROM integrations WHERE company_id = ? AND id = ?", companyID, id)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "integration.deleted", by: actor, target: ("integration", id),
                detail: ["name": current.name])
        }
    }

    // MARK: - Helpers shared by the extensions

    func integration(_ id: String, in conn: Connection) throws -> Integration {
        guard
            let row = try conn.queryOne(
                "SELECT \(IntegrationRows.integrationColumns) FROM integrations i WHERE i.company_id = ? AND i.id = ?", companyID, id)
        else { throw DomainError(.notFound, "No such integration.") }
        var integration = try IntegrationRows.integration(row)
        integration.companyCredential = try records.summary(conn, integrationID: id, userID: nil, purpose: .connection)
        integration.oauthClientCredential = try records.summary(conn, integrationID: id, userID: nil, purpose: .oauthClient)
        return integration
    }

    /// The company connection's and OAuth client's secrets together.
    func storedSecrets(_ id: String, in conn: Connection) throws -> CredentialSecrets {
        let connection = try records.load(conn, integrationID: id, userID: nil, purpose: .connection)?.secrets ?? CredentialSecrets()
        let client = try records.load(conn, integrationID: id, userID: nil, purpose: .oauthClient)?.secrets ?? CredentialSecrets()
        return connection.merged(with: client)
    }

    /// Writes what changed of the company's secrets: the connection for global scope, the
    /// OAuth client for OAuth. Unchanged secrets are not sealed again.
    func saveSecrets(
        _ update: CredentialSecrets, stored: CredentialSecrets, auth: AuthConfiguration, scope: IntegrationScope, integrationID: String,
        at now: Date, in conn: Connection
    ) throws {
        var headerNames: [String] = []
        var staticNames: [String] = []
        if case .customHeaders(let names) = auth { headerNames = names }
        if case .oauth2(let settings) = auth { staticNames = settings.staticHeaderNames }
        let merged = stored.merged(with: update).keepingHeaders(headerNames, staticNames: staticNames)
        let storedConnection = stored.keepingHeaders(headerNames, staticNames: staticNames).connectionPart
        if scope == .global, auth.needsConnectionSecrets {
            // OAuth tokens come from the authorization flow, not from this form.
            let connection = merged.connectionPart
            if connection != storedConnection || !update.connectionPart.isEmpty, !connection.isEmpty {
                try records.save(conn, integrationID: integrationID, userID: nil, purpose: .connection, secrets: connection, at: now)
            }
        }
        if case .oauth2(let settings) = auth, settings.grant == .clientCredentials {
            // The next call fetches a token with the settings and secret as saved now: a new
            // secret after a rejected client, or other scopes, take effect at once.
            try records.delete(conn, integrationID: integrationID, userID: nil, purpose: .connection)
        }
        if case .oauth2 = auth {
            let client = merged.clientPart
            if client != stored.clientPart, !client.isEmpty {
                try records.save(conn, integrationID: integrationID, userID: nil, purpose: .oauthClient, secrets: client, at: now)
            }
        } else {
            try records.delete(conn, integrationID: integrationID, userID: nil, purpose: .oauthClient)
        }
    }

    func insertAction(
        _ operation: APIOperation, integrationID: String, enabled: Bool, writeOverride: Bool?, at now: Date, in conn: Connection
    ) throws {
        try conn.execute(
            """
            INSERT INTO actions (company_id, id, integration_id, operation_key, name, description, method, path, is_write,
                                 write_override, enabled, operation, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, companyID, try Identifier.make(), integrationID, operation.identity.key, operation.name,
            IntegrationRows.actionDescription(operation), operation.method.rawValue, operation.pathTemplate, operation.isConsequential,
            writeOverride, enabled, try IntegrationRows.encodeOperation(operation), now, now)
    }

    private func requireUniqueName(_ name: String, except id: String?, in conn: Connection) throws {
        if try conn.queryOne(
            "SELECT 1 AS x FROM integrations WHERE company_id = ? AND name = ? AND id IS NOT ?", companyID, Self.trimmed(name), id) != nil
        {
            throw DomainError(.conflict, "Another integration is already called \(Self.trimmed(name)).", field: "name")
        }
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    static func status(
        of integration: Integration, hasCredential: Bool, credentialStatus: String?, expiresAt: Date?, now: Date
    ) -> IntegrationStatus {
        if integration.scope == .perUser, integration.auth.needsConnectionSecrets { return .needsConnection }
        if case .oauth2(let settings) = integration.auth, settings.grant == .clientCredentials {
            // Tokens are fetched on use; only a client the provider rejected needs the admin.
            if credentialStatus == "needs_reconnection" { return .tokenExpired }
        } else if integration.auth.needsConnectionSecrets {
            guard hasCredential else { return .needsConnection }
            if credentialStatus == "needs_reconnection" { return .tokenExpired }
            if case .oauth2 = integration.auth, let expiresAt, expiresAt <= now { return .tokenExpired }
        }
        return integration.warnings.isEmpty ? .ready : .schemaHasWarnings
    }
}
