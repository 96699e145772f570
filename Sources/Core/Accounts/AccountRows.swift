import SQLite

/// Reading account rows, shared by the stores.
enum AccountRows {
    static func user(_ row: Row, prefix: String = "") throws -> User {
        User(
            id: try row[prefix + "id"], email: try row[prefix + "email"],
            displayName: try row[prefix + "display_name"], createdAt: try row[prefix + "created_at"])
    }

    static func company(_ row: Row) throws -> Company {
        Company(id: try row["company_id"], name: try row["company_name"], createdAt: try row["company_created_at"])
    }

    static func role(_ row: Row) throws -> Role {
        guard let role = Role(rawValue: try row["role"]) else { throw DomainError(.invalid, "Unknown role in the database.") }
        return role
    }
}
