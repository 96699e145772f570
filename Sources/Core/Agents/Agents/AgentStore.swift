import Foundation
import SQLite

/// A company's agents: list, read, create, update, delete. Made for one company, so no query can
/// forget the tenant; another company's ids are ``DomainError/Code/notFound``. Any member may
/// create and change agents (the web layer checks membership); every change is audited.
///
/// ```swift
/// let agents = AgentStore(database: db, companyID: company.id, clock: .system)
/// let agent = try agents.create(AgentDraft(name: "Billing helper"), by: .user(member.id))
/// try agents.setEnabledActions(of: agent.id, [getOrder.id, createInvoice.id], by: .user(member.id))
/// ```
public struct AgentStore: Sendable {
    /// The database.
    public let database: Database
    /// The company whose agents these are.
    public let companyID: String
    /// The time source.
    public let clock: WallClock

    /// Creates the store of one company.
    public init(database: Database, companyID: String, clock: WallClock = .system) {
        self.database = database
        self.companyID = companyID
        self.clock = clock
    }

    static let columns = "id, name, description, instructions, model, created_by, created_at, updated_at"

    /// Every agent of the company by name.
    public func list() throws -> [Agent] {
        try database.read { conn in
            try conn.query("SELECT \(Self.columns) FROM agents WHERE company_id = ? ORDER BY name COLLATE NOCASE", companyID)
                .map(Self.agent)
        }
    }

    /// One agent; ``DomainError/Code/notFound`` when the company has no such agent.
    public func get(_ id: String) throws -> Agent {
        try database.read { conn in try agent(id, in: conn) }
    }

    /// Creates an agent; throws ``FormErrors`` for the fields (see ``AgentDraft``).
    public func create(_ draft: AgentDraft, by actor: Actor) throws -> Agent {
        let checked = try draft.validated()
        let id = try Identifier.make()
        let now = clock.now()
        try database.write { conn in
            try conn.execute(
                """
                INSERT INTO agents (company_id, id, name, description, instructions, model, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, companyID, id, checked.name, checked.description, checked.instructions, checked.model, actor.userID, now, now)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "agent.created", by: actor, target: ("agent", id),
                detail: ["name": checked.name, "model": checked.model])
        }
        return Agent(
            id: id, name: checked.name, description: checked.description, instructions: checked.instructions, model: checked.model,
            createdBy: actor.userID, createdAt: now, updatedAt: now)
    }

    /// Changes an agent's fields; ``FormErrors`` for the fields, ``DomainError/Code/notFound``
    /// for an agent of another company.
    public func update(_ id: String, _ draft: AgentDraft, by actor: Actor) throws -> Agent {
        let checked = try draft.validated()
        let now = clock.now()
        return try database.write { conn in
            try conn.execute(
                """
                UPDATE agents SET name = ?, description = ?, instructions = ?, model = ?, updated_at = ?
                WHERE company_id = ? AND id = ?
                """, checked.name, checked.description, checked.instructions, checked.model, now, companyID, id)
            guard conn.changes == 1 else { throw DomainError(.notFound, "No such agent.") }
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "agent.updated", by: actor, target: ("agent", id),
                detail: ["name": checked.name, "model": checked.model])
            return try agent(id, in: conn)
        }
    }

    /// Deletes an agent with its tools settings and conversations.
    public func delete(_ id: String, by actor: Actor) throws {
        try database.write { conn in
            let agent = try agent(id, in: conn)
            try conn.execute("DELETE FROM agents WHERE company_id = ? AND id = ?", companyID, id)
            try AuditLog.record(
                in: conn, companyID: companyID, at: clock.now(), "agent.deleted", by: actor, target: ("agent", id),
                detail: ["name": agent.name])
        }
    }

    func agent(_ id: String, in conn: Connection) throws -> Agent {
        guard let row = try conn.queryOne("SELECT \(Self.columns) FROM agents WHERE company_id = ? AND id = ?", companyID, id) else {
            throw DomainError(.notFound, "No such agent.")
        }
        return try Self.agent(row)
    }

    static func agent(_ row: Row) throws -> Agent {
        Agent(
            id: try row["id"], name: try row["name"], description: try row["description"], instructions: try row["instructions"],
            model: try row["model"], createdBy: try row["created_by"], createdAt: try row["created_at"], updatedAt: try row["updated_at"])
    }
}
