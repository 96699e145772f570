import Cryptography
import SQLite

/// Re-encrypts every stored secret under a new master key.
///
/// The sequence keeps every secret readable at every moment, even if the process dies:
/// 1. the new key joins the ring as the current key, the old keys stay readable; with a key
///    file, the file is rewritten (atomically) with the new key first and the old ones after it;
///    with `SWITCHBOARD_MASTER_KEY` the caller must already have shown the new key to the
///    operator (the CLI prints it before calling), since nothing else can persist it;
/// 2. ONE write transaction opens every sealed column with the old keys and seals it again with
///    the new key; until it commits, readers see (and can open) the old ciphertexts;
/// 3. after the commit, the old keys leave the ring and the key file keeps only the new key.
/// A crash after step 1 leaves the file with both keys, so the next start reads everything and
/// a second rotation finishes the job.
///
/// What `switchboard rotate-key` does (with the server stopped, or restarted after, since a
/// running server's key ring only learns the new key from its file or environment at start):
/// ```swift
/// let store = MasterKeyStore(environment: ProcessInfo.processInfo.environment, dataFolder: dataURL)
/// let keyRing = try store.loadOrCreate()
/// let newKey = try SymmetricKey.generate()
/// if case .environment = store.source {
///     print("New SWITCHBOARD_MASTER_KEY: \(MasterKeyStore.encode(newKey))")  // before anything changes
/// }
/// let result = try KeyRotation.rotateMasterKey(database: db, keyRing: keyRing, store: store, newKey: newKey)
/// ```
public enum KeyRotation {
    /// A table column that holds sealed secrets, with how to name each row's identity.
    public struct SealedColumn: Sendable {
        /// The table.
        public let table: String
        /// The BLOB column of sealed boxes.
        public let ciphertextColumn: String
        /// The TEXT column repeating the key id.
        public let keyIDColumn: String
    }

    /// Every sealed column of the schema (Migrations/0001). A migration that adds one adds it here.
    public static let sealedColumns: [SealedColumn] = [
        SealedColumn(table: "credentials", ciphertextColumn: "secret_ciphertext", keyIDColumn: "key_id"),
        SealedColumn(table: "oauth_states", ciphertextColumn: "code_verifier_ciphertext", keyIDColumn: "key_id"),
    ]

    /// What a rotation did.
    public struct Result: Sendable {
        /// The key now sealing everything.
        public let newKey: SymmetricKey
        /// How many secrets were sealed again.
        public let reencryptedCount: Int
        /// The keys no longer used.
        public let retiredKeyIDs: [KeyID]
    }

    /// Rotates to `newKey` (a fresh random key by default): see the type's steps.
    ///
    /// On failure the transaction is rolled back: the old keys are still in the ring (and the
    /// key file) and every secret still opens with them.
    public static func rotateMasterKey(
        database: Database, keyRing: KeyRing, store: MasterKeyStore, newKey: SymmetricKey? = nil
    ) throws -> Result {
        let newKey = try newKey ?? SymmetricKey.generate()
        let oldKeys = keyRing.keys.filter { $0.id != newKey.id }
        keyRing.install(newKey)
        try store.writeKeyFile([newKey] + oldKeys)
        let count = try database.write { conn in
            try reencryptSecrets(in: conn, vault: SecretVault(keyRing: keyRing))
        }
        keyRing.retireAllButCurrent()
        try store.writeKeyFile([newKey])
        return Result(newKey: newKey, reencryptedCount: count, retiredKeyIDs: oldKeys.map(\.id))
    }

    /// Opens every sealed secret not yet under the vault's current key and seals it again under
    /// it, inside the caller's write transaction; returns how many were re-sealed.
    public static func reencryptSecrets(in conn: Connection, vault: SecretVault) throws -> Int {
        let currentID = vault.keyRing.current.id.description
        var count = 0
        // Table and column names come from the constant list above, never from input.
        for column in sealedColumns {
            let rows = try conn.query(
                "SELECT company_id, id, \(column.ciphertextColumn) AS sealed FROM \(column.table) WHERE \(column.keyIDColumn) <> ?",
                currentID)
            for row in rows {
                let identity = SecretIdentity(table: column.table, companyID: try row.get("company_id"), rowID: try row.get("id"))
                let secret = try vault.open(try row.get("sealed"), for: identity)
                let resealed = try vault.seal(secret, for: identity)
                try conn.execute(
                    "UPDATE \(column.table) SET \(column.ciphertextColumn) = ?, \(column.keyIDColumn) = ? WHERE company_id = ? AND id = ?",
                    resealed.ciphertext, resealed.keyID, identity.companyID, identity.rowID)
                count += 1
            }
        }
        return count
    }
}
