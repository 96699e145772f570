import Cryptography
import Foundation
import SQLite

/// Checks an email and password, with throttling per account and per client address.
///
/// An unknown email and a wrong password get the same message and take the same time (a
/// password is verified against a dummy hash when there is no user), so the form does not tell
/// which emails have accounts.
public struct SignIn: Sendable {
    public let database: Database
    public let hasher: PasswordHasher
    public let clock: WallClock
    public let policy: AccountPolicy
    /// Verified when the email is unknown, so both failures cost one argon2id run.
    private let dummyHash: String

    public static let wrongCredentials = "Wrong email or password."

    public init(database: Database, hasher: PasswordHasher, clock: WallClock = .system, policy: AccountPolicy = AccountPolicy()) throws {
        self.database = database
        self.hasher = hasher
        self.clock = clock
        self.policy = policy
        dummyHash = try hasher.hash(try SecureRandom.token())
    }

    /// The user when the password is right; otherwise `DomainError` `.unauthenticated` or `.throttled`.
    public func signIn(email rawEmail: String, password: String, clientAddress: String) throws -> User {
        let now = clock.now()
        if let wait = try addressLockRemaining(clientAddress, now: now) { throw Self.throttled(wait) }
        let email = (try? AccountRules.normalizedEmail(rawEmail).get()) ?? rawEmail.lowercased()
        let account = try database.read { conn in
            try conn.queryOne(
                "SELECT id, email, display_name, created_at, password_hash, failed_sign_ins, locked_until FROM users WHERE email = ?",
                email)
        }
        let lockedUntil: Date? = try account?["locked_until"] ?? nil
        if let lockedUntil, lockedUntil > now { throw Self.throttled(lockedUntil.timeIntervalSince(now)) }
        let hash: String? = try account?["password_hash"]
        let matches = try hasher.verify(String(password.prefix(AccountRules.maximumPasswordLength * 4)), against: hash ?? dummyHash)
        guard let account, hash != nil, matches else {
            try recordFailure(userID: try account?["id"], clientAddress: clientAddress, now: now)
            throw DomainError(.unauthenticated, Self.wrongCredentials)
        }
        let user = try AccountRows.user(account)
        try database.write { conn in
            try conn.execute("UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", user.id)
            if let hash, hasher.needsRehash(hash) {
                try conn.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", try hasher.hash(password), now, user.id)
            }
            for companyID in try Self.companyIDs(of: user.id, in: conn) {
                try AuditLog.record(in: conn, companyID: companyID, at: now, "session.signed_in", by: .user(user.id, address: clientAddress))
            }
        }
        return user
    }

    private func recordFailure(userID: String?, clientAddress: String, now: Date) throws {
        try database.write { conn in
            if let userID {
                let failures: Int = try conn.queryOne("SELECT failed_sign_ins FROM users WHERE id = ?", userID)?["failed_sign_ins"] ?? 0
                let count = failures + 1
                var lockedUntil: Date?
                if count >= policy.accountFailureLimit {
                    let doublings = Double(min(count - policy.accountFailureLimit, 20))
                    lockedUntil = now.addingTimeInterval(min(policy.accountFirstLock * pow(2, doublings), policy.accountMaximumLock))
                }
                try conn.execute("UPDATE users SET failed_sign_ins = ?, locked_until = ? WHERE id = ?", count, lockedUntil, userID)
                for companyID in try Self.companyIDs(of: userID, in: conn) {
                    try AuditLog.record(
                        in: conn, companyID: companyID, at: now, "session.sign_in_failed", by: .user(userID, address: clientAddress),
                        detail: ["failures": String(count)])
                }
            }
            let row = try conn.queryOne("SELECT failures, window_started_at FROM sign_in_throttles WHERE client_address = ?", clientAddress)
            var failures = 1
            var windowStart = now
            if let row, case let started: Date = try row["window_started_at"], now.timeIntervalSince(started) < policy.addressWindow {
                failures = try row["failures"] + 1
                windowStart = started
            }
            let locked = failures >= policy.addressFailureLimit ? now.addingTimeInterval(policy.addressLock) : nil
            try conn.execute(
                """
                INSERT INTO sign_in_throttles (client_address, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
                ON CONFLICT (client_address) DO UPDATE SET failures = excluded.failures,
                    window_started_at = excluded.window_started_at, locked_until = excluded.locked_until
                """, clientAddress, failures, windowStart, locked)
        }
    }

    private func addressLockRemaining(_ address: String, now: Date) throws -> Double? {
        let lockedUntil: Date? = try database.read { conn in
            try conn.queryOne("SELECT locked_until FROM sign_in_throttles WHERE client_address = ?", address)?["locked_until"]
        }
        guard let lockedUntil, lockedUntil > now else { return nil }
        return lockedUntil.timeIntervalSince(now)
    }

    static func companyIDs(of userID: String, in conn: Connection) throws -> [String] {
        try conn.query("SELECT company_id FROM memberships WHERE user_id = ?", userID).map { try $0["company_id"] }
    }

    static func throttled(_ seconds: Double) -> DomainError {
        let wait = max(1, Int(seconds.rounded(.up)))
        return DomainError(.throttled(retryAfterSeconds: wait), "Too many failed sign-ins. Try again in \(wait) second\(wait == 1 ? "" : "s").")
    }
}
