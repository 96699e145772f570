import AppTesting
import Core
import Testing

@Suite struct SignUpTests {
    @Test func createsTheCompanyWithItsFirstOwner() throws {
        let fixture = try AccountsFixture()
        let (user, company) = try fixture.company("Acme", owner: "Ann@Acme.test ")
        #expect(user.email == "ann@acme.test")
        let members = try fixture.members(company).members()
        #expect(members.map(\.user.id) == [user.id])
        #expect(members.first?.role == .owner)
        let events = try AuditLog(database: fixture.temporary.database, companyID: company.id).events()
        #expect(events.map(\.event) == ["company.created"])
    }

    @Test func reportsEveryFieldProblemAtOnce() throws {
        let fixture = try AccountsFixture()
        #expect(throws: FormErrors([
            FieldError(field: "company", message: "Enter the company's name."),
            FieldError(field: "email", message: "Enter an email address like ann@example.com."),
            FieldError(field: "password", message: "Use at least 12 characters."),
        ])) {
            try fixture.signUp.signUp(SignUp.Form(companyName: " ", name: "Ann", email: "not-an-email", password: "short"))
        }
    }

    @Test func refusesAnEmailThatHasAnAccount() throws {
        let fixture = try AccountsFixture()
        _ = try fixture.company("Acme", owner: "ann@acme.test")
        let error = try #require(throws: FormErrors.self) { try fixture.company("Other", owner: "ANN@acme.test") }
        #expect(error["email"]?.contains("exists") == true)
    }

    @Test func operatorCreatedCompanyGetsAnOwnerInvitationThatSetsThePassword() throws {
        let fixture = try AccountsFixture()
        let (company, token) = try fixture.signUp.createCompany(name: "Globex", ownerEmail: "hank@globex.test")
        let invitation = try #require(try fixture.invitations.find(token: token))
        #expect(invitation.role == .owner)
        #expect(invitation.company == company)
        let (user, joined) = try fixture.invitations.accept(token: token, as: .newAccount(name: "Hank", password: "a very long password"))
        #expect(joined.id == company.id)
        #expect(try fixture.signIn.signIn(email: "hank@globex.test", password: "a very long password", clientAddress: "1.2.3.4") == user)
        #expect(throws: DomainError.self) { try fixture.invitations.accept(token: token, as: .newAccount(name: "X", password: "a very long password")) }
    }
}
