import Cryptography
import Foundation
import SQLite

/// Finding and accepting invitations by the token in their link (before any company is chosen).
public struct Invitations: Sendable {
    public let database: Database
    public let hasher: PasswordHasher
    public let clock: WallClock

    public init(database: Database, hasher: PasswordHasher, clock: WallClock = .system) {
        self.database = database
        self.hasher = hasher
        self.clock = clock
    }

    /// The invitation for a link's token, open or not (the page says which), or nil.
    public func find(token: String) throws -> Invitation? {
        try database.read { conn in try Self.find(in: conn, tokenHash: SessionStore.hash(token)) }
    }

    /// Who accepts: someone already signed in as the invited email, or a new account.
    public enum Acceptor: Sendable {
        case existingUser(id: String)
        case newAccount(name: String, password: String)
    }

    /// Joins the company. A new account is created with the invited email and the given password
    /// (how an operator-created company's first owner sets theirs).
    public func accept(token: String, as acceptor: Acceptor, clientAddress: String? = nil) throws -> (user: User, company: Company) {
        let now = clock.now()
        var newAccount: (name: String, hash: String)?
        if case .newAccount(let rawName, let password) = acceptor {
            var problems: [FieldError] = []
            if case .failure(let problem) = AccountRules.name(rawName, field: "name", label: "your name") { problems.append(problem) }
            if let problem = AccountRules.passwordProblem(password) { problems.append(problem) }
            guard problems.isEmpty else { throw FormErrors(problems) }
            newAccount = (try AccountRules.name(rawName, field: "name", label: "your name").get(), try hasher.hash(password))
        }
        return try database.write { conn in
            guard let invitation = try Self.find(in: conn, tokenHash: SessionStore.hash(token)), invitation.isOpen(at: now) else {
                throw DomainError(.notFound, "This invitation link has expired or was already used. Ask for a new one.")
            }
            let user: User
            switch acceptor {
            case .existingUser(let id):
                guard let row = try conn.queryOne("SELECT id, email, display_name, created_at FROM users WHERE id = ?", id) else {
                    throw DomainError(.notFound, "Your account no longer exists.")
                }
                user = try AccountRows.user(row)
                guard user.email.lowercased() == invitation.email.lowercased() else {
                    throw DomainError(.forbidden, "This invitation is for \(invitation.email). Sign out and open the link again.")
                }
            case .newAccount:
                guard let newAccount else { throw DomainError(.invalid, "Enter your name and a password.") }
                if let existing = try conn.queryOne("SELECT password_hash FROM users WHERE email = ?", invitation.email),
                    try existing["password_hash"] as String? != nil
                {
                    throw DomainError(.conflict, "An account with \(invitation.email) exists. Sign in first, then open the link again.")
                }
                try conn.execute("DELETE FROM users WHERE email = ? AND password_hash IS NULL", invitation.email)
                user = User(id: try Identifier.make(), email: invitation.email, displayName: newAccount.name, createdAt: now)
                try conn.execute(
                    "INSERT INTO users (id, email, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    user.id, user.email, user.displayName, newAccount.hash, now, now)
            }
            if try conn.queryOne("SELECT 1 AS x FROM memberships WHERE company_id = ? AND user_id = ?", invitation.company.id, user.id) != nil {
                throw DomainError(.conflict, "You are already a member of \(invitation.company.name).")
            }
            try conn.execute(
                "INSERT INTO memberships (company_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
                invitation.company.id, user.id, invitation.role.rawValue, now)
            try conn.execute(
                "UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE company_id = ? AND id = ?",
                now, user.id, invitation.company.id, invitation.id)
            try AuditLog.record(
                in: conn, companyID: invitation.company.id, at: now, "invitation.accepted", by: .user(user.id, address: clientAddress),
                target: ("invitation", invitation.id), detail: ["email": invitation.email, "role": invitation.role.rawValue])
            return (user, invitation.company)
        }
    }

    /// Stores a new invitation and returns the token for its link (only its hash is kept).
    static func insert(
        in conn: Connection, companyID: String, email: String, role: Role, invitedBy: String?, at now: Date, lifetime: Double
    ) throws -> String {
        let token = try SecureRandom.token(byteCount: 32)
        try conn.execute(
            """
            INSERT INTO invitations (company_id, id, email, role, token_hash, invited_by, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, companyID, try Identifier.make(), email, role.rawValue, SessionStore.hash(token), invitedBy, now,
            now.addingTimeInterval(lifetime))
        return token
    }

    static func find(in conn: Connection, tokenHash: String) throws -> Invitation? {
        try conn.queryOne(
            """
            SELECT i.id, i.email, i.role, i.created_at, i.expires_at, i.accepted_at, i.revoked_at,
                   c.id AS company_id, c.name AS company_name, c.created_at AS company_created_at
            FROM invitations i JOIN companies c ON c.id = i.company_id WHERE i.token_hash = ?
            """, tokenHash
        ).map(invitation)
    }

    static func invitation(_ row: Row) throws -> Invitation {
        Invitation(
            id: try row["id"], company: try AccountRows.company(row), email: try row["email"], role: try AccountRows.role(row),
            createdAt: try row["created_at"], expiresAt: try row["expires_at"], acceptedAt: try row["accepted_at"],
            revokedAt: try row["revoked_at"])
    }
}
