import Cryptography
import Foundation
import SQLite

/// Creates companies: a person signing up in the browser, or an operator from the command line.
public struct SignUp: Sendable {
    public let database: Database
    public let hasher: PasswordHasher
    public let clock: WallClock
    public let policy: AccountPolicy

    public init(database: Database, hasher: PasswordHasher, clock: WallClock = .system, policy: AccountPolicy = AccountPolicy()) {
        self.database = database
        self.hasher = hasher
        self.clock = clock
        self.policy = policy
    }

    /// What a sign-up form sends.
    public struct Form: Sendable {
        public var companyName: String
        public var name: String
        public var email: String
        public var password: String

        public init(companyName: String, name: String, email: String, password: String) {
            self.companyName = companyName
            self.name = name
            self.email = email
            self.password = password
        }
    }

    /// Creates the company and its first Owner. Every problem with the form comes back at once,
    /// one per field, so the page can show them all.
    public func signUp(_ form: Form, actorAddress: String? = nil) throws -> (user: User, company: Company) {
        var problems: [FieldError] = []
        let companyName = collect(AccountRules.name(form.companyName, field: "company", label: "the company's name"), &problems)
        let name = collect(AccountRules.name(form.name, field: "name", label: "your name"), &problems)
        let email = collect(AccountRules.normalizedEmail(form.email), &problems)
        if let problem = AccountRules.passwordProblem(form.password) { problems.append(problem) }
        if let email, try AccountDirectory(database: database).user(email: email) != nil {
            problems.append(FieldError(field: "email", message: "An account with this email exists. Sign in, or use another email."))
        }
        guard problems.isEmpty, let companyName, let name, let email else { throw FormErrors(problems) }
        let hash = try hasher.hash(form.password)
        let now = clock.now()
        return try database.write { conn in
            let company = try Self.insertCompany(in: conn, name: companyName, at: now)
            let user = User(id: try Identifier.make(), email: email, displayName: name, createdAt: now)
            try conn.execute(
                "INSERT INTO users (id, email, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                user.id, user.email, user.displayName, hash, now, now)
            try conn.execute(
                "INSERT INTO memberships (company_id, user_id, role, created_at) VALUES (?, ?, 'owner', ?)", company.id, user.id, now)
            try AuditLog.record(
                in: conn, companyID: company.id, at: now, "company.created", by: .user(user.id, address: actorAddress),
                target: ("company", company.id), detail: ["name": company.name])
            return (user, company)
        }
    }

    /// For operators: creates a company with no members yet and an Owner invitation for `ownerEmail`.
    /// Returns the company and the invitation token for the one-time link.
    public func createCompany(name: String, ownerEmail: String) throws -> (company: Company, invitationToken: String) {
        let companyName = try AccountRules.name(name, field: "name", label: "the company's name").get()
        let email = try AccountRules.normalizedEmail(ownerEmail).get()
        let now = clock.now()
        return try database.write { conn in
            let company = try Self.insertCompany(in: conn, name: companyName, at: now)
            let token = try Invitations.insert(
                in: conn, companyID: company.id, email: email, role: .owner, invitedBy: nil, at: now,
                lifetime: policy.invitationLifetime)
            try AuditLog.record(
                in: conn, companyID: company.id, at: now, "company.created", by: .system, target: ("company", company.id),
                detail: ["name": company.name, "owner_email": email])
            return (company, token)
        }
    }

    static func insertCompany(in conn: Connection, name: String, at now: Date) throws -> Company {
        let company = Company(id: try Identifier.make(), name: name, createdAt: now)
        try conn.execute("INSERT INTO companies (id, name, created_at) VALUES (?, ?, ?)", company.id, company.name, now)
        return company
    }

    private func collect<T>(_ result: Result<T, FieldError>, _ problems: inout [FieldError]) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let problem):
            problems.append(problem)
            return nil
        }
    }
}

/// Several field problems of one form, shown next to their fields.
public struct FormErrors: Error, Equatable, Sendable {
    public var fields: [FieldError]

    public init(_ fields: [FieldError]) { self.fields = fields }

    /// The first message for a field, if any.
    public subscript(field: String) -> String? { fields.first { $0.field == field }?.message }
}
