import Cryptography
import Foundation
import SQLite

/// Opens the product's database file and brings its schema up to date.
public enum ProductDatabase {
    /// Opens (creating) the file and applies the pending migrations of `migrationsFolder`.
    /// Returns the database and the names of the migrations it applied.
    public static func open(path: String, migrationsFolder: String) throws -> (database: Database, applied: [String]) {
        let database = try Database(path: path)
        let applied = try migrator(migrationsFolder).migrate(database)
        return (database, applied)
    }

    /// The migrator for the product's migration files (checksums are SHA-256).
    public static func migrator(_ folder: String) -> DatabaseMigrator {
        DatabaseMigrator(folder: URL(fileURLWithPath: folder), checksum: { SHA256.hexDigest(SHA256.hash($0)) })
    }
}
