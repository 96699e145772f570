import Foundation
import SQLite

/// A company's audit log: what happened, by whom, when. Made for one company.
public struct AuditLog: Sendable {
    public let database: Database
    public let companyID: String
    public let clock: WallClock

    public init(database: Database, companyID: String, clock: WallClock = .system) {
        self.database = database
        self.companyID = companyID
        self.clock = clock
    }

    /// Writes an event in its own transaction. `relaxed` events (one per outbound call, at the
    /// rate calls are made) commit without waiting for an fsync: a power failure may lose the
    /// last of them, never corrupt the log; everything else waits for the disk.
    public func record(
        _ event: String, by actor: Actor, target: (type: String, id: String)? = nil, detail: [String: String] = [:], relaxed: Bool = false
    ) throws {
        let write = { (conn: Connection) in
            try Self.record(in: conn, companyID: companyID, at: clock.now(), event, by: actor, target: target, detail: detail)
        }
        if relaxed { try database.write(synchronous: .normal, write) } else { try database.write(write) }
    }

    /// Writes an event inside a caller's transaction, so it commits or rolls back with the change it describes.
    public static func record(
        in conn: Connection, companyID: String, at time: Date, _ event: String, by actor: Actor,
        target: (type: String, id: String)? = nil, detail: [String: String] = [:]
    ) throws {
        try conn.execute(
            """
            INSERT INTO audit_events (company_id, id, occurred_at, actor_kind, actor_user_id, actor_agent_id, event,
                                      target_type, target_id, client_address, request_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            companyID, try Identifier.make(), time, actor.kind.rawValue, actor.userID, actor.agentID, event,
            target?.type, target?.id, actor.clientAddress, actor.requestID, JSONObjectText.encode(detail))
    }

    /// The newest events first, at most `limit`, optionally only those older than `before`.
    public func events(limit: Int = 100, before: Date? = nil) throws -> [AuditEvent] {
        try database.read { conn in
            try conn.query(
                """
                SELECT e.id, e.occurred_at, e.actor_kind, e.actor_user_id, u.email, e.event, e.target_type,
                       e.target_id, e.client_address, e.detail
                FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
                WHERE e.company_id = ? AND e.occurred_at < ?
                ORDER BY e.occurred_at DESC LIMIT ?
                """, companyID, before ?? Date.distantFuture, limit
            ).map { row in
                AuditEvent(
                    id: try row["id"], occurredAt: try row["occurred_at"],
                    actorKind: AuditEvent.ActorKind(rawValue: try row["actor_kind"]) ?? .system,
                    actorUserID: try row["actor_user_id"], actorEmail: try row["email"], event: try row["event"],
                    targetType: try row["target_type"], targetID: try row["target_id"],
                    clientAddress: try row["client_address"], detail: try row["detail"])
            }
        }
    }
}
