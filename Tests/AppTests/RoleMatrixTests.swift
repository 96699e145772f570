import AppTesting
import HTTPCore
import Testing

/// Every route that exists, for each kind of visitor: the status they get.
@Suite struct RoleMatrixTests {
    enum Visitor: String, CaseIterable, Sendable {
        case signedOut, member, admin, owner
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let method: HTTPMethod
        let path: String
        let form: [(String, String)]
        /// Expected status for signed-out, Member, Admin, Owner.
        let expected: [Visitor: Int]
        var testDescription: String { "\(method) \(path)" }
    }

    static let redirect = 303
    static let cases: [Case] = [
        Case(method: .get, path: "/healthz", form: [], expected: [.signedOut: 200, .member: 200, .admin: 200, .owner: 200]),
        Case(method: .get, path: "/", form: [], expected: [.signedOut: 303, .member: 200, .admin: 200, .owner: 200]),
        Case(method: .get, path: "/sign-in", form: [], expected: [.signedOut: 200, .member: 303, .admin: 303, .owner: 303]),
        Case(method: .get, path: "/sign-up", form: [], expected: [.signedOut: 200, .member: 200, .admin: 200, .owner: 200]),
        Case(method: .get, path: "/settings/members", form: [], expected: [.signedOut: 303, .member: 403, .admin: 200, .owner: 200]),
        Case(method: .get, path: "/settings/audit", form: [], expected: [.signedOut: 303, .member: 403, .admin: 200, .owner: 200]),
        Case(method: .post, path: "/settings/members/invite", form: [("email", "new@acme.test"), ("role", "member")],
             expected: [.signedOut: 303, .member: 403, .admin: 403, .owner: 303]),
        Case(method: .post, path: "/settings/members/VICTIM/role", form: [("role", "admin")],
             expected: [.signedOut: 303, .member: 403, .admin: 403, .owner: 303]),
        Case(method: .post, path: "/settings/members/VICTIM/remove", form: [],
             expected: [.signedOut: 303, .member: 403, .admin: 403, .owner: 303]),
        Case(method: .post, path: "/settings/members/VICTIM/transfer", form: [],
             expected: [.signedOut: 303, .member: 403, .admin: 403, .owner: 303]),
        Case(method: .post, path: "/settings/invitations/INVITATION/revoke", form: [],
             expected: [.signedOut: 303, .member: 403, .admin: 403, .owner: 303]),
        Case(method: .post, path: "/companies/switch", form: [("company_id", "COMPANY")],
             expected: [.signedOut: 303, .member: 303, .admin: 303, .owner: 303]),
        Case(method: .post, path: "/sign-out", form: [], expected: [.signedOut: 303, .member: 303, .admin: 303, .owner: 303]),
    ]

    @Test(arguments: cases, Visitor.allCases)
    func visitorGetsTheExpectedStatus(route: Case, visitor: Visitor) throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let client: CookieClient =
            switch visitor {
            case .signedOut: fixture.client()
            case .member: acme.member
            case .admin: acme.admin
            case .owner: acme.owner
            }
        let path = route.path.replacingOccurrences(of: "VICTIM", with: acme.victimID)
            .replacingOccurrences(of: "INVITATION", with: acme.invitationID)
        let form = route.form.map { ($0.0, $0.1.replacingOccurrences(of: "COMPANY", with: acme.company.id)) }
        client.get(visitor == .signedOut ? "/sign-in" : "/")
        let response = route.method == .get ? client.get(path) : client.submit(path, form)
        #expect(response.status.code == route.expected[visitor], "\(visitor) \(route.method) \(path): \(response.text.prefix(300))")
    }
}
