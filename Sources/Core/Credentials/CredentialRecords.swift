import Foundation
import SQLite

/// Reading and writing `credentials` rows inside a caller's transaction: the secrets sealed as
/// one JSON object with the row's identity as associated data, the hints beside them.
struct CredentialRecords {
    /// What a credential row holds, opened.
    struct Record {
        var id: String
        var secrets: CredentialSecrets
        var needsReconnection: Bool
        var expiresAt: Date?
        var scopes: String?
        var version: Int
        var updatedAt: Date
    }

    /// `connection` (the company's or a member's) or `oauth_client`.
    enum Purpose: String {
        case connection
        case oauthClient = "oauth_client"
    }

    let companyID: String
    let vault: SecretVault

    /// The row for an integration, purpose and user (nil: the company's), opened.
    func load(_ conn: Connection, integrationID: String, userID: String?, purpose: Purpose) throws -> Record? {
        guard
            let row = try conn.queryOne(
                """
                SELECT id, secret_ciphertext, status, expires_at, scopes, version, updated_at FROM credentials
                WHERE company_id = ? AND integration_id = ? AND purpose = ? AND user_id IS ?
                """, companyID, integrationID, purpose.rawValue, userID)
        else { return nil }
        let id: String = try row["id"]
        let plaintext = try vault.open(try row["secret_ciphertext"], for: .credential(companyID: companyID, id: id))
        let secrets: CredentialSecrets
        do {
            secrets = try JSONDecoder().decode(CredentialSecrets.self, from: Data(plaintext))
        } catch {
            throw DomainError(.invalid, "A stored credential cannot be read.")
        }
        return Record(
            id: id, secrets: secrets, needsReconnection: (try row["status"] as String) == "needs_reconnection",
            expiresAt: try row["expires_at"], scopes: try row["scopes"], version: try row["version"], updatedAt: try row["updated_at"])
    }

    /// Replaces (or creates) the row's secrets; a save makes the connection active again and
    /// bumps its version. Returns the new version.
    @discardableResult
    func save(
        _ conn: Connection, integrationID: String, userID: String?, purpose: Purpose, secrets: CredentialSecrets, at now: Date,
        expiresAt: Date? = nil, scopes: String? = nil
    ) throws -> Int {
        let existing = try conn.queryOne(
            "SELECT id, version FROM credentials WHERE company_id = ? AND integration_id = ? AND purpose = ? AND user_id IS ?",
            companyID, integrationID, purpose.rawValue, userID)
        let id: String = try existing?["id"] ?? Identifier.make()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let sealed = try vault.seal(Array(try encoder.encode(secrets)), for: .credential(companyID: companyID, id: id))
        let hints = JSONObjectText.encode(secrets.displayHints)
        if let existing {
            let version: Int = try existing["version"] + 1
            try conn.execute(
                """
                UPDATE credentials SET secret_ciphertext = ?, key_id = ?, display_hint = ?, status = 'active', expires_at = ?,
                       scopes = ?, version = ?, updated_at = ?
                WHERE company_id = ? AND id = ?
                """, sealed.ciphertext, sealed.keyID, hints, expiresAt, scopes, version, now, companyID, id)
            return version
        }
        try conn.execute(
            """
            INSERT INTO credentials (company_id, id, integration_id, user_id, purpose, secret_ciphertext, key_id, display_hint,
                                     expires_at, scopes, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, companyID, id, integrationID, userID, purpose.rawValue, sealed.ciphertext, sealed.keyID, hints, expiresAt, scopes, now,
            now)
        return 1
    }

    /// Removes the row, if any.
    func delete(_ conn: Connection, integrationID: String, userID: String?, purpose: Purpose) throws {
        try conn.execute(
            "DELETE FROM credentials WHERE company_id = ? AND integration_id = ? AND purpose = ? AND user_id IS ?",
            companyID, integrationID, purpose.rawValue, userID)
    }
}

extension CredentialRecords {
    /// The row's hints and dates, without opening the secrets.
    func summary(_ conn: Connection, integrationID: String, userID: String?, purpose: Purpose) throws -> CredentialSummary? {
        guard
            let row = try conn.queryOne(
                """
                SELECT display_hint, status, expires_at, updated_at FROM credentials
                WHERE company_id = ? AND integration_id = ? AND purpose = ? AND user_id IS ?
                """, companyID, integrationID, purpose.rawValue, userID)
        else { return nil }
        return CredentialSummary(
            hints: JSONObjectText.decode(try row["display_hint"]), updatedAt: try row["updated_at"],
            needsReconnection: (try row["status"] as String) == "needs_reconnection", expiresAt: try row["expires_at"])
    }
}
