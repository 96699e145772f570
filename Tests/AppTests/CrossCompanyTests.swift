import AppTesting
import Core
import HTTPCore
import Testing

/// Company A's Owner aims every company-owned route at company B's ids: always 404, and B unchanged.
@Suite struct CrossCompanyTests {
    @Test(arguments: [
        "/settings/members/B_MEMBER/role", "/settings/members/B_MEMBER/remove", "/settings/members/B_MEMBER/transfer",
        "/settings/invitations/B_INVITATION/revoke",
    ])
    func anotherCompanysIdsAreNotFound(template: String) throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture, name: "Acme", domain: "acme.test")
        let initech = try TestCompany(fixture, name: "Initech", domain: "initech.test")
        let path = template.replacingOccurrences(of: "B_MEMBER", with: initech.victimID)
            .replacingOccurrences(of: "B_INVITATION", with: initech.invitationID)
        acme.owner.get("/settings/members")
        let response = acme.owner.submit(path, [("role", "admin")])
        #expect(response.status == .notFound, "\(path): \(response.status)")
        let after = MemberDirectory(database: fixture.database, companyID: initech.company.id)
        #expect(try after.members().count == 4)
        #expect(try after.members().first { $0.user.id == initech.victimID }?.role == .member)
        #expect(try after.openInvitations().count == 1)
    }

    @Test func switchingToACompanyYouDoNotBelongToIsNotFound() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture, name: "Acme", domain: "acme.test")
        let initech = try TestCompany(fixture, name: "Initech", domain: "initech.test")
        acme.owner.get("/")
        #expect(acme.owner.submit("/companies/switch", [("company_id", initech.company.id)]).status == .notFound)
        #expect(acme.owner.get("/").text.contains("<h1>Acme</h1>"))
    }
}
