import AppTesting
import Core
import HTTPCore
import Testing

@Suite struct AccountFlowTests {
    @Test func signUpCreatesTheCompanyAndSignsTheOwnerIn() throws {
        let fixture = try AppFixture()
        let ann = fixture.signUp(company: "Acme", name: "Ann", email: "ann@acme.test")
        let home = ann.get("/")
        #expect(home.status == .ok)
        #expect(home.text.contains("<h1>Acme</h1>"))
        #expect(home.text.contains("Owner"))
        let cookie = try #require(ann.cookies["sb_session"])
        #expect(cookie.count == 43)
    }

    @Test func sessionCookieIsHttpOnlyLaxAndSecureBehindHTTPS() throws {
        let fixture = try AppFixture { $0.publicURL = "https://switchboard.example.com" }
        let client = fixture.client()
        client.get("/sign-up")
        let response = client.submit(
            "/sign-up", [("company", "Acme"), ("name", "Ann"), ("email", "ann@acme.test"), ("password", "correct horse battery")],
            headers: ["Origin": "https://switchboard.example.com"])
        let session = try #require(response.headers.values("Set-Cookie").first { $0.hasPrefix("sb_session=") })
        #expect(session.contains("; HttpOnly"))
        #expect(session.contains("; SameSite=Lax"))
        #expect(session.contains("; Secure"))
    }

    @Test func aFormWithProblemsComesBackWithValuesKeptExceptThePassword() throws {
        let fixture = try AppFixture()
        let client = fixture.client()
        client.get("/sign-up")
        let response = client.submit("/sign-up", [("company", "Acme & Co"), ("name", ""), ("email", "ann@acme.test"), ("password", "short-pass")])
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains(#"value="Acme &amp; Co""#))
        #expect(response.text.contains("Enter your name."))
        #expect(response.text.contains("Use at least 12 characters."))
        #expect(!response.text.contains("short-pass"))
        #expect(try AccountDirectory(database: fixture.database).user(email: "ann@acme.test") == nil)
    }

    @Test func signInWithWrongPasswordOrUnknownEmailSaysTheSame() throws {
        let fixture = try AppFixture()
        fixture.signUp(company: "Acme", name: "Ann", email: "ann@acme.test").submit("/sign-out", [])
        let client = fixture.client()
        client.get("/sign-in")
        let wrong = client.submit("/sign-in", [("email", "ann@acme.test"), ("password", "not the password")])
        let unknown = client.submit("/sign-in", [("email", "zed@acme.test"), ("password", "not the password")])
        #expect(wrong.status == .unauthorized)
        #expect(unknown.status == .unauthorized)
        #expect(wrong.text.contains("Wrong email or password."))
        #expect(unknown.text.contains("Wrong email or password."))
        #expect(wrong.text.contains(#"value="ann@acme.test""#))
        let right = client.submit("/sign-in", [("email", "ann@acme.test"), ("password", "correct horse battery"), ("next", "/settings/members")])
        #expect(right.status == .seeOther)
        #expect(right.headers["Location"] == "/settings/members")
    }

    @Test func nextNeverLeadsOffSite() throws {
        let fixture = try AppFixture()
        fixture.signUp(company: "Acme", name: "Ann", email: "ann@acme.test").submit("/sign-out", [])
        for next in ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"] {
            let client = fixture.client()
            client.get("/sign-in")
            let response = client.submit("/sign-in", [("email", "ann@acme.test"), ("password", "correct horse battery"), ("next", next)])
            #expect(response.headers["Location"] == "/", "next=\(next)")
        }
    }

    @Test func repeatedFailuresAreThrottledWithRetryAfter() throws {
        let fixture = try AppFixture()
        fixture.signUp(company: "Acme", name: "Ann", email: "ann@acme.test")
        let client = fixture.client()
        client.get("/sign-in")
        for _ in 1...5 { client.submit("/sign-in", [("email", "ann@acme.test"), ("password", "guess guess guess")]) }
        let locked = client.submit("/sign-in", [("email", "ann@acme.test"), ("password", "correct horse battery")])
        #expect(locked.status == .tooManyRequests)
        #expect(locked.headers["Retry-After"] == "30")
        #expect(locked.text.contains("Try again in 30 seconds."))
        fixture.time.advance(by: 31)
        #expect(client.submit("/sign-in", [("email", "ann@acme.test"), ("password", "correct horse battery")]).status == .seeOther)
    }

    @Test func throttlingCountsTheAddressTrustedProxiesName() throws {
        var policy = AccountPolicy()
        policy.addressFailureLimit = 3
        let fixture = try AppFixture(configure: { $0.trustedProxies = [IPNetwork("192.0.2.10")].compactMap { $0 } }, policy: policy)
        fixture.signUp(company: "Acme", name: "Ann", email: "ann@acme.test")
        // Both clients reach the server through the proxy at 192.0.2.10.
        let mallory = fixture.client(address: "192.0.2.10")
        let ann = fixture.client(address: "192.0.2.10")
        mallory.get("/sign-in")
        ann.get("/sign-in")
        for attempt in 1...3 {
            let email = "nobody\(attempt)@acme.test"
            mallory.submit("/sign-in", [("email", email), ("password", "guess guess guess")], headers: ["X-Forwarded-For": "203.0.113.66"])
        }
        let locked = mallory.submit("/sign-in", [("email", "ann@acme.test"), ("password", "correct horse battery")], headers: ["X-Forwarded-For": "203.0.113.66"])
        #expect(locked.status == .tooManyRequests)
        // Another client behind the same proxy is not locked out with the attacker.
        let signedIn = ann.submit("/sign-in", [("email", "ann@acme.test"), ("password", "correct horse battery")], headers: ["X-Forwarded-For": "198.51.100.20"])
        #expect(signedIn.status == .seeOther)
    }

    @Test func signOutEndsTheSessionOnTheServer() throws {
        let fixture = try AppFixture()
        let ann = fixture.signUp(company: "Acme", name: "Ann", email: "ann@acme.test")
        let stolen = try #require(ann.cookies["sb_session"])
        ann.get("/")
        let out = ann.submit("/sign-out", [])
        #expect(out.headers["Location"] == "/sign-in")
        let thief = fixture.client()
        let response = thief.get("/", headers: ["Cookie": "sb_session=\(stolen)"])
        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/sign-in?next=%2F")
    }

    @Test func anIdleSessionExpires() throws {
        let fixture = try AppFixture()
        let ann = fixture.signUp(company: "Acme", name: "Ann", email: "ann@acme.test")
        fixture.time.advance(by: AccountPolicy().sessionIdleTimeout + 1)
        let response = ann.get("/settings/members")
        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/sign-in?next=%2Fsettings%2Fmembers")
    }

    @Test func signUpCanBeTurnedOff() throws {
        let fixture = try AppFixture { $0.signUpEnabled = false }
        #expect(fixture.client().get("/sign-up").status == .notFound)
        #expect(!fixture.client().get("/sign-in").text.contains("/sign-up"))
    }

    @Test func anInvitedColleagueJoinsAndTheOwnerMakesThemAdmin() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let members = acme.owner.get("/settings/members").text
        #expect(members.contains("bob@acme.test"))
        acme.owner.follow(acme.owner.submit("/settings/members/\(acme.victimID)/role", [("role", "admin")]))
        let roles = try MemberDirectory(database: fixture.database, companyID: acme.company.id).members().map { "\($0.user.email)=\($0.role.rawValue)" }
        #expect(roles.contains("victim@acme.test=admin"))
        let audit = acme.owner.get("/settings/audit").text
        #expect(audit.contains("Role changed"))
        #expect(audit.contains("Invitation accepted"))
    }

    @Test func theLastOwnerIsToldWhyTheyCannotLeave() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let owners = try MemberDirectory(database: fixture.database, companyID: acme.company.id).members().filter { $0.role == .owner }
        let ownerID = try #require(owners.first?.user.id)
        acme.owner.get("/settings/members")
        let page = acme.owner.follow(acme.owner.submit("/settings/members/\(ownerID)/role", [("role", "member")]))
        #expect(page.text.contains("A company needs at least one Owner."))
    }
}
