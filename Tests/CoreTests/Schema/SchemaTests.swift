import AppTesting
import Core
import Cryptography
import Foundation
import SQLite
import Testing

@Suite final class SchemaTests {
    let migrated: TemporaryDatabase
    var database: Database { migrated.database }
    let placeholder: SealedSecret

    init() throws {
        migrated = try TemporaryDatabase()
        placeholder = try SecretVault(keyRing: KeyRing(current: .generate())).seal("token", for: .credential(companyID: "a", id: "c"))
        try database.write { conn in
            for company in ["a", "b"] { try Fixtures.company(company, in: conn) }
            try Fixtures.user("ann", in: conn)
            try Fixtures.user("bob", in: conn)
            try Fixtures.member("ann", of: "a", role: "owner", in: conn)
            try Fixtures.member("bob", of: "b", role: "owner", in: conn)
            try Fixtures.integration("hr-a", of: "a", in: conn)
            try Fixtures.integration("hr-b", of: "b", in: conn)
        }
    }


    func expectConstraintFailure(_ sql: String, _ bindings: (any DatabaseValueConvertible)?..., sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: SQLiteError.self, sourceLocation: sourceLocation) {
            try database.write { conn in try conn.execute(sql, bindings: bindings) }
        }
        #expect(error?.code == .constraint, "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test func createsEveryTableOfTheDesignAsStrict() throws {
        let tables = try database.read { conn in
            try conn.query("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        let names = try tables.map { try $0.get("name", as: String.self) }
        #expect(
            names == [
                "actions", "agent_tools", "agents", "audit_events", "companies", "conversations", "credentials", "integration_drafts", "integrations", "invitations",
                "memberships", "messages", "oauth_states", "pending_actions", "schema_conversations", "schema_migrations", "sessions", "sign_in_throttles", "users",
            ])
        #expect(try tables.allSatisfy { try $0.get("strict", as: Bool.self) })
        #expect(try database.read { conn in try conn.query("PRAGMA foreign_key_check") }.isEmpty)
    }

    @Test func refusesAnActionPointingAtAnotherCompanysIntegration() throws {
        let error = #expect(throws: SQLiteError.self) {
            try database.write { conn in try Fixtures.action("act-1", of: "b", integration: "hr-a", in: conn) }
        }
        #expect(error?.extendedCode == 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
        // The same row inside its own company is fine.
        try database.write { conn in try Fixtures.action("act-1", of: "a", integration: "hr-a", in: conn) }
    }

    @Test func refusesCrossCompanyLinksBetweenAgentsActionsAndMembers() throws {
        try database.write { conn in
            try Fixtures.action("act-a", of: "a", integration: "hr-a", in: conn)
            try conn.execute(
                "INSERT INTO agents (company_id, id, name, created_at, updated_at) VALUES ('b', 'agent-b', 'Helper', ?, ?)",
                Fixtures.now, Fixtures.now)
        }
        // Company B's agent cannot get company A's action as a tool.
        expectConstraintFailure(
            "INSERT INTO agent_tools (company_id, agent_id, action_id, created_at) VALUES ('b', 'agent-b', 'act-a', ?)", Fixtures.now)
        // Ann (a member of A only) cannot hold a per-user credential in B.
        expectConstraintFailure(
            """
            INSERT INTO credentials (company_id, id, integration_id, user_id, purpose, secret_ciphertext, key_id, created_at, updated_at)
            VALUES ('b', 'cred-x', 'hr-b', 'ann', 'connection', ?, ?, ?, ?)
            """, placeholder.ciphertext, placeholder.keyID, Fixtures.now, Fixtures.now)
        // Nor start a conversation with B's agent.
        expectConstraintFailure(
            "INSERT INTO conversations (company_id, id, agent_id, user_id, created_at, updated_at) VALUES ('a', 'conv', 'agent-b', 'ann', ?, ?)",
            Fixtures.now, Fixtures.now)
    }

    @Test func refusesValuesOutsideEachEnumeration() throws {
        expectConstraintFailure(
            "INSERT INTO memberships (company_id, user_id, role, created_at) VALUES ('b', 'ann', 'superuser', ?)", Fixtures.now)
        expectConstraintFailure(
            """
            INSERT INTO integrations (company_id, id, name, base_url, scope, auth_method, schema_text, created_at, updated_at)
            VALUES ('a', 'x', 'X', 'https://x.test', 'everyone', 'none', '{}', ?, ?)
            """, Fixtures.now, Fixtures.now)
        expectConstraintFailure(
            """
            INSERT INTO integrations (company_id, id, name, base_url, scope, auth_method, schema_text, created_at, updated_at)
            VALUES ('a', 'x', 'X', 'https://x.test', 'global', 'api_key', '{}', ?, ?)
            """, Fixtures.now, Fixtures.now)
        // Only http(s) base URLs.
        expectConstraintFailure(
            """
            INSERT INTO integrations (company_id, id, name, base_url, scope, auth_method, schema_text, created_at, updated_at)
            VALUES ('a', 'x', 'X', 'file:///etc/passwd', 'global', 'none', '{}', ?, ?)
            """, Fixtures.now, Fixtures.now)
    }

    @Test func refusesAValueOfTheWrongTypeInAStrictTable() throws {
        let error = #expect(throws: SQLiteError.self) {
            try database.write { conn in
                try conn.execute("INSERT INTO companies (id, name, created_at) VALUES (?, ?, ?)", "c", "C", "yesterday")
            }
        }
        #expect(error?.extendedCode == 3091)  // SQLITE_CONSTRAINT_DATATYPE
    }

    @Test func keepsOneCompanyCredentialPerIntegrationButOnePerMember() throws {
        try database.write { conn in
            try Fixtures.user("cat", in: conn)
            try Fixtures.member("cat", of: "a", in: conn)
            try Fixtures.credential("global-1", of: "a", integration: "hr-a", sealed: placeholder, in: conn)
            try Fixtures.credential("ann-1", of: "a", integration: "hr-a", user: "ann", sealed: placeholder, in: conn)
            try Fixtures.credential("cat-1", of: "a", integration: "hr-a", user: "cat", sealed: placeholder, in: conn)
        }
        #expect(throws: SQLiteError.self) {
            try database.write { conn in try Fixtures.credential("global-2", of: "a", integration: "hr-a", sealed: placeholder, in: conn) }
        }
        #expect(throws: SQLiteError.self) {
            try database.write { conn in
                try Fixtures.credential("ann-2", of: "a", integration: "hr-a", user: "ann", sealed: placeholder, in: conn)
            }
        }
        // A member who leaves takes their own connections along; the company's stays.
        try database.write { conn in try conn.execute("DELETE FROM memberships WHERE company_id = 'a' AND user_id = 'cat'") }
        let remaining = try database.read { conn in
            try conn.query("SELECT id FROM credentials ORDER BY id").map { try $0.get("id", as: String.self) }
        }
        #expect(remaining == ["ann-1", "global-1"])
    }

    @Test func deletingAnIntegrationDeletesItsActionsAndCredentials() throws {
        try database.write { conn in
            try Fixtures.action("act-a", of: "a", integration: "hr-a", in: conn)
            try Fixtures.credential("global-1", of: "a", integration: "hr-a", sealed: placeholder, in: conn)
            try conn.execute("DELETE FROM integrations WHERE company_id = 'a' AND id = 'hr-a'")
        }
        let counts = try database.read { conn in
            (
                try conn.queryOne("SELECT count(*) AS n FROM actions")?.get("n", as: Int.self),
                try conn.queryOne("SELECT count(*) AS n FROM credentials")?.get("n", as: Int.self)
            )
        }
        #expect(counts.0 == 0)
        #expect(counts.1 == 0)
    }

    @Test func refusesAnAbsoluteOAuthReturnPath() throws {
        try database.write { conn in
            try conn.execute(
                "INSERT INTO sessions (id_hash, user_id, company_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, 'ann', 'a', 't', ?, ?, ?)",
                String(repeating: "0", count: 64), Fixtures.now, Fixtures.now, Fixtures.now)
        }
        for returnPath in ["https://evil.test/", "//evil.test/path"] {
            expectConstraintFailure(
                """
                INSERT INTO oauth_states (company_id, id, state_hash, session_id_hash, user_id, integration_id,
                    code_verifier_ciphertext, key_id, return_path, created_at, expires_at)
                VALUES ('a', 's1', ?, ?, 'ann', 'hr-a', ?, ?, ?, ?, ?)
                """, String(repeating: "1", count: 64), String(repeating: "0", count: 64), placeholder.ciphertext,
                placeholder.keyID, returnPath, Fixtures.now, Fixtures.now)
        }
    }
}
