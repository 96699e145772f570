import Foundation
import SQLite

/// Lookups that happen before a company is chosen: users by id or email, a user's companies.
public struct AccountDirectory: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    public func user(id: String) throws -> User? {
        try database.read { conn in
            try conn.queryOne("SELECT id, email, display_name, created_at FROM users WHERE id = ?", id).map { try AccountRows.user($0) }
        }
    }

    public func user(email: String) throws -> User? {
        try database.read { conn in
            try conn.queryOne("SELECT id, email, display_name, created_at FROM users WHERE email = ?", email).map { try AccountRows.user($0) }
        }
    }

    /// The companies a user belongs to, by name, with their role in each.
    public func memberships(userID: String) throws -> [Membership] {
        try database.read { conn in
            try conn.query(
                """
                SELECT c.id AS company_id, c.name AS company_name, c.created_at AS company_created_at, m.role
                FROM memberships m JOIN companies c ON c.id = m.company_id
                WHERE m.user_id = ? ORDER BY c.name COLLATE NOCASE, c.id
                """, userID
            ).map { Membership(company: try AccountRows.company($0), role: try AccountRows.role($0)) }
        }
    }

    /// The user's role in one company, or nil when they are not a member.
    public func membership(userID: String, companyID: String) throws -> Membership? {
        try memberships(userID: userID).first { $0.company.id == companyID }
    }
}
