import Dispatch
import Foundation
import SQLite
import Synchronization
import Testing

@Suite struct DatabaseMigratorTests {
    /// The whole text is its own "checksum" here: any change to a file changes it, and the
    /// SQLite module's tests need no cryptography (the product injects SHA-256).
    static func migrator(_ folder: URL) -> DatabaseMigrator {
        DatabaseMigrator(folder: folder, checksum: { String(decoding: $0, as: UTF8.self) })
    }

    func withMigrationFolder(_ body: (Database, TemporaryFolder, URL) throws -> Void) throws {
        try withTemporaryDatabase { database, folder in
            let migrations = folder.url.appendingPathComponent("Migrations")
            try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
            try body(database, folder, migrations)
        }
    }

    func write(_ text: String, _ name: String, in folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func tableNames(_ database: Database) throws -> [String] {
        try database.read { conn in
            try conn.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").map { try $0.get("name", as: String.self) }
        }
    }

    @Test func appliesFilesInOrderOfTheirNumbersAndIgnoresOthers() throws {
        try withMigrationFolder { database, _, migrations in
            // 0002 depends on 0001's table: applying out of order would fail.
            try write("CREATE TABLE a (id TEXT PRIMARY KEY) STRICT;", "0001_create_a.sql", in: migrations)
            try write("CREATE TABLE b (a_id TEXT REFERENCES a (id)) STRICT; INSERT INTO a VALUES ('x');", "0002_create_b.sql", in: migrations)
            try write("CREATE TABLE c (id TEXT) STRICT;", "0010_create_c.sql", in: migrations)
            try write("this is not SQL", "README.md", in: migrations)
            try write("this is not SQL either", "0003_Bad-Name.sql", in: migrations)
            try write("nor this", "notes.sql", in: migrations)

            let applied = try Self.migrator(migrations).migrate(database)

            #expect(applied == ["0001_create_a.sql", "0002_create_b.sql", "0010_create_c.sql"])
            #expect(try tableNames(database) == ["a", "b", "c", "schema_migrations"])
            let recorded = try database.read { conn in
                try conn.query("SELECT name, checksum, applied_at FROM schema_migrations ORDER BY name")
            }
            #expect(try recorded.map { try $0.get("name", as: String.self) } == applied)
            #expect(try recorded[0].get("checksum", as: String.self) == "CREATE TABLE a (id TEXT PRIMARY KEY) STRICT;")
            #expect(try recorded[0].get("applied_at", as: Date.self).timeIntervalSinceNow < 60)
        }
    }

    @Test func appliesNothingWhenRunAgain() throws {
        try withMigrationFolder { database, _, migrations in
            try write("CREATE TABLE a (id TEXT) STRICT;", "0001_create_a.sql", in: migrations)
            let migrator = Self.migrator(migrations)
            #expect(try migrator.migrate(database) == ["0001_create_a.sql"])
            #expect(try migrator.migrate(database) == [])
            #expect(try migrator.pending(database) == [])
            try write("CREATE TABLE b (id TEXT) STRICT;", "0002_create_b.sql", in: migrations)
            #expect(try migrator.pending(database) == ["0002_create_b.sql"])
            #expect(try migrator.migrate(database) == ["0002_create_b.sql"])
        }
    }

    @Test func refusesToStartWhenAnAppliedFileChanged() throws {
        try withMigrationFolder { database, _, migrations in
            try write("CREATE TABLE a (id TEXT) STRICT;", "0001_create_a.sql", in: migrations)
            try Self.migrator(migrations).migrate(database)
            try write("CREATE TABLE a (id TEXT, extra TEXT) STRICT;", "0001_create_a.sql", in: migrations)
            try write("CREATE TABLE b (id TEXT) STRICT;", "0002_create_b.sql", in: migrations)

            let error = #expect(throws: MigrationError.self) { try Self.migrator(migrations).migrate(database) }

            #expect(error.map { "\($0)" }?.contains("0001_create_a.sql") == true)
            // Nothing after the refusal ran.
            #expect(try tableNames(database) == ["a", "schema_migrations"])
        }
    }

    @Test func refusesToStartWhenAnAppliedFileVanished() throws {
        try withMigrationFolder { database, _, migrations in
            try write("CREATE TABLE a (id TEXT) STRICT;", "0001_create_a.sql", in: migrations)
            try Self.migrator(migrations).migrate(database)
            try FileManager.default.removeItem(at: migrations.appendingPathComponent("0001_create_a.sql"))
            let error = #expect(throws: MigrationError.self) { try Self.migrator(migrations).migrate(database) }
            #expect(error.map { "\($0)" }?.contains("0001_create_a.sql") == true)
        }
    }

    @Test func leavesNothingOfAFailingMigration() throws {
        try withMigrationFolder { database, _, migrations in
            try write("CREATE TABLE a (id TEXT) STRICT;", "0001_create_a.sql", in: migrations)
            // Its first statement succeeds, its second fails.
            try write("CREATE TABLE b (id TEXT) STRICT; INSERT INTO missing_table VALUES (1);", "0002_create_b.sql", in: migrations)
            try write("CREATE TABLE c (id TEXT) STRICT;", "0003_create_c.sql", in: migrations)

            let error = #expect(throws: MigrationError.self) { try Self.migrator(migrations).migrate(database) }

            #expect(error.map { "\($0)" }?.contains("0002_create_b.sql") == true)
            #expect(try tableNames(database) == ["a", "schema_migrations"])
            let recorded = try database.read { conn in
                try conn.query("SELECT name FROM schema_migrations").map { try $0.get("name", as: String.self) }
            }
            #expect(recorded == ["0001_create_a.sql"])
        }
    }

    @Test func reportsAMissingFolderClearly() throws {
        try withTemporaryDatabase { database, folder in
            let missing = folder.url.appendingPathComponent("no-such-folder")
            let error = #expect(throws: MigrationError.self) { try Self.migrator(missing).migrate(database) }
            #expect(error.map { "\($0)" }?.contains("no-such-folder") == true)
        }
    }

    @Test func appliesEachFileOnceWhenTwoMigratorsRace() throws {
        try withMigrationFolder { database, folder, migrations in
            try write("CREATE TABLE a (id TEXT) STRICT;", "0001_create_a.sql", in: migrations)
            try write("CREATE TABLE b (id TEXT) STRICT;", "0002_create_b.sql", in: migrations)
            // A second process's handle on the same file, as the CLI beside a starting server.
            let other = try Database(path: folder.path("test.sqlite"), readers: 1)
            let results = Mutex<[[String]]>([])
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                do {
                    let applied = try Self.migrator(migrations).migrate(index == 0 ? database : other)
                    results.withLock { $0.append(applied) }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty)
            #expect(results.withLock { $0.flatMap { $0 } }.sorted() == ["0001_create_a.sql", "0002_create_b.sql"])
        }
    }
}
