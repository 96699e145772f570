import Foundation
import SQLite

/// A company's members and invitations. Made for one company, so no query can forget the tenant;
/// changes are for Owners only, and a company always keeps at least one Owner.
public struct MemberDirectory: Sendable {
    public let database: Database
    public let companyID: String
    public let clock: WallClock
    public let policy: AccountPolicy

    public init(database: Database, companyID: String, clock: WallClock = .system, policy: AccountPolicy = AccountPolicy()) {
        self.database = database
        self.companyID = companyID
        self.clock = clock
        self.policy = policy
    }

    /// Everyone in the company: Owners first, then Admins, then Members, each by name.
    public func members() throws -> [Member] {
        try database.read { conn in
            try conn.query(
                """
                SELECT u.id, u.email, u.display_name, u.created_at, m.role, m.created_at AS joined_at
                FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.company_id = ?
                ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END,
                         COALESCE(NULLIF(u.display_name, ''), u.email) COLLATE NOCASE
                """, companyID
            ).map { Member(user: try AccountRows.user($0), role: try AccountRows.role($0), joinedAt: try $0["joined_at"]) }
        }
    }

    /// Invitations not yet accepted, revoked or expired.
    public func openInvitations() throws -> [Invitation] {
        try database.read { conn in
            try conn.query(
                """
                SELECT i.id, i.email, i.role, i.created_at, i.expires_at, i.accepted_at, i.revoked_at,
                       c.id AS company_id, c.name AS company_name, c.created_at AS company_created_at
                FROM invitations i JOIN companies c ON c.id = i.company_id
                WHERE i.company_id = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?
                ORDER BY i.created_at DESC
                """, companyID, clock.now()
            ).map(Invitations.invitation)
        }
    }

    /// Invites an email with a role and returns the token for the one-time link. An open
    /// invitation for the same email is replaced, so only the newest link works.
    public func invite(email rawEmail: String, role: Role, by actor: Actor) throws -> String {
        let email = try AccountRules.normalizedEmail(rawEmail).mapError(DomainError.init).get()
        let now = clock.now()
        return try database.write { conn in
            try requireOwner(actor, in: conn)
            if try conn.queryOne(
                "SELECT 1 AS x FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.company_id = ? AND u.email = ?", companyID, email)
                != nil
            {
                throw DomainError(.conflict, "\(email) is already a member.", field: "email")
            }
            try conn.execute(
                "UPDATE invitations SET revoked_at = ? WHERE company_id = ? AND email = ? AND accepted_at IS NULL AND revoked_at IS NULL",
                now, companyID, email)
            let token = try Invitations.insert(
                in: conn, companyID: companyID, email: email, role: role, invitedBy: actor.userID, at: now,
                lifetime: policy.invitationLifetime)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "invitation.created", by: actor, detail: ["email": email, "role": role.rawValue])
            return token
        }
    }

    /// Withdraws an open invitation so its link stops working.
    public func revokeInvitation(id: String, by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            try requireOwner(actor, in: conn)
            try conn.execute(
                "UPDATE invitations SET revoked_at = ? WHERE company_id = ? AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL",
                now, companyID, id)
            guard conn.changes == 1 else { throw DomainError(.notFound, "That invitation is no longer open.") }
            try AuditLog.record(in: conn, companyID: companyID, at: now, "invitation.revoked", by: actor, target: ("invitation", id))
        }
    }

    /// Gives a member another role; the last Owner cannot stop being one.
    public func changeRole(of userID: String, to role: Role, by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            try requireOwner(actor, in: conn)
            let current = try self.role(of: userID, in: conn)
            guard current != role else { return }
            if current == .owner { try requireAnotherOwner(than: userID, in: conn) }
            try conn.execute("UPDATE memberships SET role = ? WHERE company_id = ? AND user_id = ?", role.rawValue, companyID, userID)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "member.role_changed", by: actor, target: ("user", userID),
                detail: ["from": current.rawValue, "to": role.rawValue])
        }
    }

    /// Removes a member (and, by the schema's cascades, their own connections and conversations).
    public func remove(_ userID: String, by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            try requireOwner(actor, in: conn)
            if try role(of: userID, in: conn) == .owner { try requireAnotherOwner(than: userID, in: conn) }
            try conn.execute("DELETE FROM memberships WHERE company_id = ? AND user_id = ?", companyID, userID)
            try conn.execute("UPDATE sessions SET company_id = NULL WHERE user_id = ? AND company_id = ?", userID, companyID)
            try AuditLog.record(in: conn, companyID: companyID, at: now, "member.removed", by: actor, target: ("user", userID))
        }
    }

    /// Makes another member the Owner and the acting Owner an Admin, in one transaction.
    public func transferOwnership(to userID: String, by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            try requireOwner(actor, in: conn)
            guard let actorID = actor.userID, actorID != userID else {
                throw DomainError(.invalid, "Choose another member to transfer ownership to.")
            }
            _ = try role(of: userID, in: conn)
            try conn.execute("UPDATE memberships SET role = 'owner' WHERE company_id = ? AND user_id = ?", companyID, userID)
            try conn.execute("UPDATE memberships SET role = 'admin' WHERE company_id = ? AND user_id = ?", companyID, actorID)
            try AuditLog.record(in: conn, companyID: companyID, at: now, "company.ownership_transferred", by: actor, target: ("user", userID))
        }
    }

    private func role(of userID: String, in conn: Connection) throws -> Role {
        guard let row = try conn.queryOne("SELECT role FROM memberships WHERE company_id = ? AND user_id = ?", companyID, userID) else {
            throw DomainError(.notFound, "That person is not a member of this company.")
        }
        return try AccountRows.role(row)
    }

    private func requireOwner(_ actor: Actor, in conn: Connection) throws {
        guard let id = actor.userID, (try? role(of: id, in: conn)) == .owner else {
            throw DomainError(.forbidden, "Only an Owner can change the members of this company.")
        }
    }

    private func requireAnotherOwner(than userID: String, in conn: Connection) throws {
        let others: Int = try conn.queryOne(
            "SELECT count(*) AS n FROM memberships WHERE company_id = ? AND role = 'owner' AND user_id <> ?", companyID, userID)?["n"] ?? 0
        guard others > 0 else {
            throw DomainError(.conflict, "A company needs at least one Owner. Make someone else Owner first.")
        }
    }
}
