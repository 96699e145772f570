import Foundation
import SQLite

/// Schemas waiting between the Add flow's first step and Save. Made for one company.
public struct ImportDrafts: Sendable {
    public let database: Database
    public let companyID: String
    public let clock: WallClock

    /// A draft lives a day; older ones are swept when a new one is saved.
    public static let lifetime: Double = 24 * 3600

    public init(database: Database, companyID: String, clock: WallClock = .system) {
        self.database = database
        self.companyID = companyID
        self.clock = clock
    }

    /// Keeps the schema text and where it came from; returns the draft's id.
    public func save(schemaText: String, sourceURL: String?, by actor: Actor) throws -> String {
        let id = try Identifier.make()
        let now = clock.now()
        try database.write { conn in
            try conn.execute(
                "DELETE FROM integration_drafts WHERE company_id = ? AND created_at < ?", companyID, now.addingTimeInterval(-Self.lifetime))
            try conn.execute(
                "INSERT INTO integration_drafts (company_id, id, schema_text, source_url, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                companyID, id, schemaText, sourceURL, actor.userID, now)
        }
        return id
    }

    /// The draft's schema and source, or `notFound` (expired, saved already, or another company's).
    public func get(_ id: String) throws -> (schemaText: String, sourceURL: String?) {
        let row = try database.read { conn in
            try conn.queryOne(
                "SELECT schema_text, source_url, created_at FROM integration_drafts WHERE company_id = ? AND id = ?", companyID, id)
        }
        guard let row, clock.now().timeIntervalSince(try row["created_at"] as Date) < Self.lifetime else {
            throw DomainError(.notFound, "This import has expired or was already saved. Start again from Add API.")
        }
        return (try row["schema_text"], try row["source_url"])
    }

    public func delete(_ id: String) throws {
        try database.write { conn in try conn.execute("DELETE FROM integration_drafts WHERE company_id = ? AND id = ?", companyID, id) }
    }
}
