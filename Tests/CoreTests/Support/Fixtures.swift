import Cryptography
import Core
import Foundation
import SQLite

/// Rows that most schema and vault tests need: companies, users, memberships, integrations.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_764_800_000)

    static func company(_ id: String, in conn: Connection) throws {
        try conn.execute("INSERT INTO companies (id, name, created_at) VALUES (?, ?, ?)", id, "Company \(id)", now)
    }

    static func user(_ id: String, in conn: Connection) throws {
        try conn.execute(
            "INSERT INTO users (id, email, created_at, updated_at) VALUES (?, ?, ?, ?)", id, "\(id)@example.test", now, now)
    }

    static func member(_ userID: String, of companyID: String, role: String = "member", in conn: Connection) throws {
        try conn.execute(
            "INSERT INTO memberships (company_id, user_id, role, created_at) VALUES (?, ?, ?, ?)", companyID, userID, role, now)
    }

    static func integration(_ id: String, of companyID: String, scope: String = "global", in conn: Connection) throws {
        try conn.execute(
            """
            INSERT INTO integrations (company_id, id, name, base_url, scope, auth_method, schema_text, created_at, updated_at)
            VALUES (?, ?, ?, 'https://api.example.test', ?, 'bearer', '{}', ?, ?)
            """, companyID, id, "Integration \(id)", scope, now, now)
    }

    static func action(_ id: String, of companyID: String, integration integrationID: String, in conn: Connection) throws {
        try conn.execute(
            """
            INSERT INTO actions (company_id, id, integration_id, operation_key, name, method, path, is_write, operation, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'GET', '/v1/invoices', 0, '{}', ?, ?)
            """, companyID, id, integrationID, "GET /v1/invoices \(id)", "List Invoices \(id)", now, now)
    }

    static func credential(
        _ id: String, of companyID: String, integration integrationID: String, user userID: String? = nil,
        sealed: SealedSecret, in conn: Connection
    ) throws {
        try conn.execute(
            """
            INSERT INTO credentials (company_id, id, integration_id, user_id, purpose, secret_ciphertext, key_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, 'connection', ?, ?, ?, ?)
            """, companyID, id, integrationID, userID, sealed.ciphertext, sealed.keyID, now, now)
    }
}
