import Foundation

/// Applies the numbered SQL files of a folder to a database, in order, once each.
///
/// Files named `NNNN_verb_object.sql` (four digits, an underscore, lowercase words) are
/// migrations, applied in the order of their names; any other file is ignored. Each runs in its
/// own write transaction together with its row in `schema_migrations` (name, SHA-256 checksum,
/// time applied), so a failing file leaves nothing behind. Before applying anything, every
/// applied migration is checked against its file: a changed or vanished file stops the
/// migrator with an error naming it, because the database no longer matches the code
/// (applied migrations are never edited: add a new one). Running it again applies nothing.
///
/// The checksum is injected because this module knows no cryptography; the product passes
/// `SHA256.hexDigest` from `Cryptography`:
/// ```swift
/// let migrator = DatabaseMigrator(folder: migrationsURL, checksum: SHA256.hexDigest)
/// let applied = try migrator.migrate(database)
/// ```
/// A migration file must not contain `BEGIN`/`COMMIT`: the migrator owns the transaction.
public struct DatabaseMigrator: Sendable {
    /// The folder holding the migration files.
    public let folder: URL
    /// Computes a file's checksum as stored in `schema_migrations.checksum` (hex SHA-256).
    public let checksum: @Sendable ([UInt8]) -> String
    /// Gives the time recorded for an applied migration.
    public let clock: @Sendable () -> Date

    /// Creates a migrator for the files of `folder`.
    public init(
        folder: URL, checksum: @escaping @Sendable ([UInt8]) -> String,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.folder = folder
        self.checksum = checksum
        self.clock = clock
    }

    /// Applies every pending migration and returns the names applied, in order (empty when
    /// the database is up to date).
    ///
    /// Throws ``MigrationError`` for a changed or vanished applied file, an unreadable folder,
    /// or a migration whose SQL failed (that migration and those after it are not applied).
    @discardableResult
    public func migrate(_ database: Database) throws -> [String] {
        let files = try migrationFiles()
        try database.write { conn in
            try conn.execute(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name TEXT PRIMARY KEY NOT NULL,
                    checksum TEXT NOT NULL,
                    applied_at REAL NOT NULL
                ) STRICT
                """)
        }
        let applied = try appliedMigrations(database)
        try verify(applied: applied, against: files)
        var newlyApplied: [String] = []
        for file in files where applied[file.name] == nil {
            let appliedHere = try database.write { conn in
                // Another process (the CLI beside a starting server) may have applied it while
                // this one waited for the write lock.
                let recorded = try conn.queryOne("SELECT checksum FROM schema_migrations WHERE name = ?", file.name)
                if let recorded {
                    guard try recorded.get("checksum", as: String.self) == file.checksum else {
                        throw MigrationError.appliedFileChanged(name: file.name)
                    }
                    return false
                }
                do {
                    try conn.executeScript(file.sql)
                } catch let error as SQLiteError {
                    throw MigrationError.failed(name: file.name, error: error)
                }
                try conn.execute(
                    "INSERT INTO schema_migrations (name, checksum, applied_at) VALUES (?, ?, ?)",
                    file.name, file.checksum, clock())
                return true
            }
            if appliedHere { newlyApplied.append(file.name) }
        }
        return newlyApplied
    }

    /// The migrations not yet applied to `database`, in order, after the same checks as ``migrate(_:)``.
    public func pending(_ database: Database) throws -> [String] {
        let files = try migrationFiles()
        let hasTable = try database.read { conn in
            try conn.queryOne("SELECT 1 AS present FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'") != nil
        }
        guard hasTable else { return files.map(\.name) }
        let applied = try appliedMigrations(database)
        try verify(applied: applied, against: files)
        return files.filter { applied[$0.name] == nil }.map(\.name)
    }

    /// Reads, names and checksums the migration files, sorted by name.
    func migrationFiles() throws -> [MigrationFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw MigrationError.unreadableFolder(path: folder.path, reason: error.localizedDescription)
        }
        return try names.filter(MigrationFile.isMigrationName).sorted().map { name in
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw MigrationError.unreadableFile(name: name)
            }
            let bytes = [UInt8](data)
            guard let sql = String(validating: bytes, as: UTF8.self) else {
                throw MigrationError.unreadableFile(name: name)
            }
            return MigrationFile(name: name, sql: sql, checksum: checksum(bytes))
        }
    }

    private func appliedMigrations(_ database: Database) throws -> [String: String] {
        try database.read { conn in
            var applied: [String: String] = [:]
            for row in try conn.query("SELECT name, checksum FROM schema_migrations") {
                applied[try row.get("name")] = try row.get("checksum", as: String.self)
            }
            return applied
        }
    }

    private func verify(applied: [String: String], against files: [MigrationFile]) throws {
        let byName = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, recordedChecksum) in applied.sorted(by: { $0.key < $1.key }) {
            guard let file = byName[name] else { throw MigrationError.appliedFileMissing(name: name, folder: folder.path) }
            guard file.checksum == recordedChecksum else { throw MigrationError.appliedFileChanged(name: name) }
        }
    }
}
