import AppTesting
import Core
import HTTPCore
import Testing

@Suite struct CSRFTests {
    @Test func aPostWithoutTheTokenIsRefusedAndChangesNothing() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let response = acme.owner.submit("/settings/members/\(acme.victimID)/remove", [("_csrf", "")])
        #expect(response.status == .forbidden)
        #expect(response.text.contains("expired or came from another site"))
        #expect(try MemberDirectory(database: fixture.database, companyID: acme.company.id).members().count == 4)
    }

    @Test func anotherSessionsTokenIsRefused() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let othersToken = try #require(CookieClient.csrfToken(in: acme.member.get("/").text))
        let response = acme.owner.submit("/settings/members/\(acme.victimID)/remove", [("_csrf", othersToken)])
        #expect(response.status == .forbidden)
    }

    @Test func aForeignOriginIsRefusedEvenWithTheToken() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        acme.owner.get("/settings/members")
        let response = acme.owner.submit(
            "/settings/members/\(acme.victimID)/remove", [], headers: ["Origin": "https://evil.example", "Host": "127.0.0.1:8080"])
        #expect(response.status == .forbidden)
        acme.owner.get("/settings/members")
        let same = acme.owner.submit("/settings/members/\(acme.victimID)/remove", [], headers: ["Origin": "http://127.0.0.1:8080", "Host": "127.0.0.1:8080"])
        #expect(same.status == .seeOther)
    }

    @Test func signInFormsAreProtectedBeforeThereIsASession() throws {
        let fixture = try AppFixture()
        fixture.signUp(company: "Acme", name: "Ann", email: "ann@acme.test")
        let client = fixture.client()
        let response = client.submit("/sign-in", [("email", "ann@acme.test"), ("password", "correct horse battery"), ("_csrf", "guess")])
        #expect(response.status == .forbidden)
    }
}
