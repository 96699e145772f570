import AppTesting
import Core
import Foundation

/// A company with an Owner, an Admin, a Member and one more member to act on, each with a
/// signed-in client; and the ids the routes need.
struct TestCompany {
    let fixture: AppFixture
    let owner: CookieClient
    let admin: CookieClient
    let member: CookieClient
    let company: Company
    let victimID: String
    let invitationID: String

    init(_ fixture: AppFixture, name: String = "Acme", domain: String = "acme.test") throws {
        self.fixture = fixture
        owner = fixture.signUp(company: name, name: "Ann Owner", email: "ann@\(domain)")
        admin = try Self.join(fixture, owner, email: "bob@\(domain)", role: "admin")
        member = try Self.join(fixture, owner, email: "cy@\(domain)", role: "member")
        _ = try Self.join(fixture, owner, email: "victim@\(domain)", role: "member")
        let directory = AccountDirectory(database: fixture.database)
        let victim = try directory.user(email: "victim@\(domain)")
        let ann = try directory.user(email: "ann@\(domain)")
        guard let found = try directory.memberships(userID: ann?.id ?? "").first?.company else { throw LinkMissing() }
        company = found
        victimID = victim?.id ?? ""
        owner.get("/settings/members")
        owner.follow(owner.submit("/settings/members/invite", [("email", "pending@\(domain)"), ("role", "member")]))
        invitationID = try MemberDirectory(database: fixture.database, companyID: company.id).openInvitations().first?.id ?? ""
    }

    /// Invites `email` through the members page and accepts the link in a new client.
    static func join(_ fixture: AppFixture, _ owner: CookieClient, email: String, role: String) throws -> CookieClient {
        owner.get("/settings/members")
        let page = owner.follow(owner.submit("/settings/members/invite", [("email", email), ("role", role)]))
        let link = try invitationPath(in: page.text)
        let client = fixture.client()
        client.get(link)
        client.follow(client.submit(link, [("name", email), ("password", "a long enough password")]))
        return client
    }

    /// The `/invitations/…` path of the link shown after creating an invitation.
    static func invitationPath(in html: String) throws -> String {
        guard let start = html.range(of: "/invitations/") else { throw LinkMissing() }
        let rest = html[start.lowerBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    struct LinkMissing: Error {}
}
