import AppTesting
import Core
import Foundation
import HTTPCore
import Testing

@Suite struct ConnectionsPagesTests {
    /// A per-user bearer integration saved through the Add flow; returns its id.
    static func perUserIntegration(_ company: TestCompany, scope: String = "per_user") throws -> String {
        let review = try IntegrationPagesTests.paste(company.owner, try IntegrationPagesTests.schema("oai__petstore.yaml"))
        let saved = company.owner.submit(review, [
            ("name", "Pets \(scope)"), ("base_url", "http://petstore.swagger.io/v1"), ("scope", scope), ("auth_method", "bearer"),
            ("bearer_token", "company-token-123456"), ("intent", "save"),
        ])
        guard let location = saved.headers["Location"] else { throw IntegrationPagesTests.Failure("save failed: \(saved.text.prefix(300))") }
        return String(location.split(separator: "/").last ?? "")
    }

    @Test func aMemberConnectsTheirOwnTokenAndDisconnects() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let id = try Self.perUserIntegration(acme)
        let list = acme.member.get("/connections")
        #expect(list.text.contains("Pets per_user") && list.text.contains("not connected"))
        acme.member.get("/connections/\(id)")
        let empty = acme.member.submit("/connections/\(id)", [("bearer_token", "")])
        #expect(empty.status == .unprocessableContent)
        let saved = acme.member.submit("/connections/\(id)", [("bearer_token", "cy-own-token-abcdef"), ("next", "/connections")])
        #expect(saved.headers["Location"] == "/connections")
        let after = acme.member.follow(saved)
        #expect(after.text.contains("You are connected to Pets per_user."))
        #expect(after.text.contains("connected"))
        #expect(!after.text.contains("cy-own-token-abcdef"))
        let form = acme.member.get("/connections/\(id)")
        #expect(form.text.contains("set · ends in …cdef"))
        // Someone else in the company is still not connected.
        #expect(acme.admin.get("/connections").text.contains("not connected"))
        acme.member.get("/connections")
        acme.member.submit("/connections/\(id)/disconnect", [])
        #expect(acme.member.get("/connections").text.contains("not connected"))
    }

    @Test func globalAndOtherCompaniesIntegrationsAreNotFound() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture, name: "Acme", domain: "acme.test")
        let initech = try TestCompany(fixture, name: "Initech", domain: "initech.test")
        let global = try Self.perUserIntegration(acme, scope: "global")
        let theirs = try Self.perUserIntegration(initech)
        #expect(acme.member.get("/connections/\(global)").status == .notFound)
        #expect(acme.member.get("/connections/\(theirs)").status == .notFound)
        acme.member.get("/connections")
        #expect(acme.member.submit("/connections/\(theirs)", [("bearer_token", "stolen-token-value")]).status == .notFound)
        #expect(acme.member.submit("/connections/\(theirs)/disconnect", []).status == .notFound)
    }

    @Test func nextOnlyReturnsToThisSite() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let id = try Self.perUserIntegration(acme)
        acme.member.get("/connections/\(id)")
        let saved = acme.member.submit("/connections/\(id)", [("bearer_token", "cy-own-token-abcdef"), ("next", "https://evil.example/")])
        #expect(saved.headers["Location"] == "/connections")
    }
}
