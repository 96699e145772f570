import Cryptography
import Foundation
import SQLite

/// Sessions in the database, found by the hash of the cookie's 256-bit token.
public struct SessionStore: Sendable {
    public let database: Database
    public let clock: WallClock
    public let policy: AccountPolicy

    public init(database: Database, clock: WallClock = .system, policy: AccountPolicy = AccountPolicy()) {
        self.database = database
        self.clock = clock
        self.policy = policy
    }

    /// Starts a session and returns the token for the cookie (a new one at every sign-in).
    public func create(userID: String, companyID: String?, clientAddress: String?, userAgent: String?) throws -> (token: String, session: Session) {
        let token = try SecureRandom.token(byteCount: 32)
        let now = clock.now()
        let session = Session(
            idHash: Self.hash(token), userID: userID, companyID: companyID, csrfToken: try SecureRandom.token(byteCount: 32),
            createdAt: now, lastSeenAt: now, expiresAt: now.addingTimeInterval(policy.sessionLifetime))
        try database.write { conn in
            // Expired sessions are swept here, at a rate of one sign-in, rather than by a timer.
            try conn.execute("DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?", now, now.addingTimeInterval(-policy.sessionIdleTimeout))
            try conn.execute(
                """
                INSERT INTO sessions (id_hash, user_id, company_id, csrf_token, created_at, last_seen_at, expires_at, client_address, user_agent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, session.idHash, userID, companyID, session.csrfToken, now, now, session.expiresAt, clientAddress,
                userAgent.map { String($0.prefix(300)) })
        }
        return (token, session)
    }

    /// The live session for a cookie token, or nil when it is unknown, idle too long, or past its lifetime.
    public func find(token: String) throws -> Session? {
        guard token.utf8.count == 43 else { return nil }
        let idHash = Self.hash(token)
        let now = clock.now()
        let found = try database.read { conn in
            try conn.queryOne(
                "SELECT id_hash, user_id, company_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE id_hash = ?",
                idHash
            ).map { row in
                Session(
                    idHash: try row["id_hash"], userID: try row["user_id"], companyID: try row["company_id"],
                    csrfToken: try row["csrf_token"], createdAt: try row["created_at"], lastSeenAt: try row["last_seen_at"],
                    expiresAt: try row["expires_at"])
            }
        }
        guard var session = found else { return nil }
        guard session.expiresAt > now, now.timeIntervalSince(session.lastSeenAt) < policy.sessionIdleTimeout else {
            try delete(idHash: idHash)
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) >= policy.sessionTouchInterval {
            try database.write { conn in try conn.execute("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", now, idHash) }
            session.lastSeenAt = now
        }
        return session
    }

    /// Moves the session to another company (the caller has checked the membership).
    public func switchCompany(idHash: String, to companyID: String) throws {
        try database.write { conn in try conn.execute("UPDATE sessions SET company_id = ? WHERE id_hash = ?", companyID, idHash) }
    }

    /// Ends a session server-side (sign-out).
    public func delete(idHash: String) throws {
        try database.write { conn in try conn.execute("DELETE FROM sessions WHERE id_hash = ?", idHash) }
    }

    public static func hash(_ token: String) -> String {
        SHA256.hexDigest(SHA256.hash(token))
    }
}
