import AppTesting
import Core
import Cryptography
import Foundation
import SQLite
import Testing

@Suite final class KeyRotationTests {
    let migrated: TemporaryDatabase
    var database: Database { migrated.database }
    let store: MasterKeyStore
    let keyRing: KeyRing
    let secrets = ["cred-global": "global token", "cred-ann": "ann's token", "cred-bob": "bob's token"]

    init() throws {
        migrated = try TemporaryDatabase()
        store = MasterKeyStore(environment: [:], dataFolder: URL(fileURLWithPath: migrated.folder))
        keyRing = try store.loadOrCreate()
        let vault = SecretVault(keyRing: keyRing)
        try database.write { conn in
            try Fixtures.company("acme", in: conn)
            for user in ["ann", "bob"] {
                try Fixtures.user(user, in: conn)
                try Fixtures.member(user, of: "acme", in: conn)
            }
            try Fixtures.integration("hr", of: "acme", in: conn)
            try Fixtures.integration("crm", of: "acme", scope: "per_user", in: conn)
            try Fixtures.credential(
                "cred-global", of: "acme", integration: "hr",
                sealed: vault.seal(secrets["cred-global", default: ""], for: .credential(companyID: "acme", id: "cred-global")), in: conn)
            for user in ["ann", "bob"] {
                let id = "cred-\(user)"
                try Fixtures.credential(
                    id, of: "acme", integration: "crm", user: user,
                    sealed: vault.seal(secrets[id, default: ""], for: .credential(companyID: "acme", id: id)), in: conn)
            }
            try conn.execute(
                "INSERT INTO sessions (id_hash, user_id, company_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, 'ann', 'acme', 't', ?, ?, ?)",
                String(repeating: "0", count: 64), Fixtures.now, Fixtures.now, Fixtures.now)
            let verifier = try vault.seal("pkce verifier", for: .oauthState(companyID: "acme", id: "state-1"))
            try conn.execute(
                """
                INSERT INTO oauth_states (company_id, id, state_hash, session_id_hash, user_id, integration_id,
                    code_verifier_ciphertext, key_id, return_path, created_at, expires_at)
                VALUES ('acme', 'state-1', ?, ?, 'ann', 'crm', ?, ?, '/connections', ?, ?)
                """, String(repeating: "1", count: 64), String(repeating: "0", count: 64), verifier.ciphertext, verifier.keyID,
                Fixtures.now, Fixtures.now)
        }
    }


    /// Every stored secret opened with `vault`, keyed by row id, with the key id column.
    func openAll(with vault: SecretVault, in conn: Connection) throws -> [String: (secret: String, keyID: String)] {
        var opened: [String: (secret: String, keyID: String)] = [:]
        for row in try conn.query("SELECT company_id, id, secret_ciphertext, key_id FROM credentials") {
            let id: String = try row.get("id")
            let secret = try vault.openString(row.get("secret_ciphertext"), for: .credential(companyID: row.get("company_id"), id: id))
            opened[id] = (secret, try row.get("key_id"))
        }
        let state = try #require(try conn.queryOne("SELECT code_verifier_ciphertext, key_id FROM oauth_states WHERE id = 'state-1'"))
        opened["state-1"] = (
            try vault.openString(state.get("code_verifier_ciphertext"), for: .oauthState(companyID: "acme", id: "state-1")),
            try state.get("key_id")
        )
        return opened
    }

    @Test func reencryptsEverySecretUnderTheNewKeyAndRewritesTheKeyFile() throws {
        let oldKey = keyRing.current
        let result = try KeyRotation.rotateMasterKey(database: database, keyRing: keyRing, store: store)

        #expect(result.reencryptedCount == 4)
        #expect(result.retiredKeyIDs == [oldKey.id])
        #expect(keyRing.current.id == result.newKey.id)
        #expect(keyRing.key(for: oldKey.id) == nil)
        // A fresh start reads the new key from the file, and it alone opens everything.
        let reloaded = try store.loadOrCreate()
        #expect(reloaded.keys.map(\.id) == [result.newKey.id])
        let opened = try database.read { conn in try openAll(with: SecretVault(keyRing: reloaded), in: conn) }
        #expect(opened.mapValues(\.secret) == secrets.merging(["state-1": "pkce verifier"]) { old, _ in old })
        #expect(opened.values.allSatisfy { $0.keyID == result.newKey.id.description })
        // The old key alone no longer opens anything.
        #expect(throws: CryptographyError.self) {
            try database.read { conn in try openAll(with: SecretVault(keyRing: KeyRing(current: oldKey)), in: conn) }
        }
        // Running it again rotates again, cleanly.
        #expect(try KeyRotation.rotateMasterKey(database: database, keyRing: keyRing, store: store).reencryptedCount == 4)
    }

    @Test func oldSecretsStayReadableWhileTheRotationRuns() throws {
        let oldKey = keyRing.current
        let newKey = try SymmetricKey.generate()
        keyRing.install(newKey)
        let seenDuring = try database.write { conn in
            let count = try KeyRotation.reencryptSecrets(in: conn, vault: SecretVault(keyRing: keyRing))
            #expect(count == 4)
            // Another request reading now sees the last commit: old ciphertexts, still readable.
            return try database.read { reader in try openAll(with: SecretVault(keyRing: keyRing), in: reader) }
        }
        #expect(seenDuring.values.allSatisfy { $0.keyID == oldKey.id.description })
        #expect(seenDuring["cred-ann"]?.secret == "ann's token")
        let seenAfter = try database.read { conn in try openAll(with: SecretVault(keyRing: keyRing), in: conn) }
        #expect(seenAfter.values.allSatisfy { $0.keyID == newKey.id.description })
    }

    @Test func leavesEverythingUnderTheOldKeyWhenTheRotationFails() throws {
        let oldKey = keyRing.current
        // A secret sealed for another row cannot be opened: the rotation must stop and roll back.
        try database.write { conn in
            try conn.execute(
                "UPDATE credentials SET secret_ciphertext = (SELECT secret_ciphertext FROM credentials WHERE id = 'cred-ann') WHERE id = 'cred-bob'")
        }
        #expect(throws: CryptographyError.authenticationFailed) {
            try KeyRotation.rotateMasterKey(database: database, keyRing: keyRing, store: store)
        }
        let keyIDs = try database.read { conn in
            try conn.query("SELECT key_id FROM credentials").map { try $0.get("key_id", as: String.self) }
        }
        #expect(keyIDs.allSatisfy { $0 == oldKey.id.description })
        // The old key is still in the ring and in the file.
        #expect(keyRing.key(for: oldKey.id) != nil)
        #expect(try store.loadOrCreate().key(for: oldKey.id) != nil)
    }

    @Test func rotatesWithAnEnvironmentKeyWithoutTouchingAnyFile() throws {
        let environmentKey = try SymmetricKey.generate()
        let environmentStore = MasterKeyStore(
            environment: [MasterKeyStore.environmentVariable: MasterKeyStore.encode(environmentKey)],
            dataFolder: URL(fileURLWithPath: migrated.folder).appendingPathComponent("unused"))
        let ring = try environmentStore.loadOrCreate()
        // Re-seal the fixtures under the environment key first.
        ring.install(keyRing.current)
        ring.install(environmentKey)
        try database.write { conn in _ = try KeyRotation.reencryptSecrets(in: conn, vault: SecretVault(keyRing: ring)) }
        ring.retireAllButCurrent()

        let newKey = try SymmetricKey.generate()
        let result = try KeyRotation.rotateMasterKey(database: database, keyRing: ring, store: environmentStore, newKey: newKey)

        #expect(result.newKey.id == newKey.id)
        #expect(result.reencryptedCount == 4)
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: migrated.folder).appendingPathComponent("unused").path))
        let opened = try database.read { conn in try openAll(with: SecretVault(keyRing: KeyRing(current: newKey)), in: conn) }
        #expect(opened["cred-global"]?.secret == "global token")
    }
}
