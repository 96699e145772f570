import AppTesting
import Core
import Testing

@Suite struct MemberDirectoryTests {
    @Test func ownerInvitesAndTheInviteeJoinsWithTheRole() throws {
        let fixture = try AccountsFixture()
        let (owner, company) = try fixture.company("Acme", owner: "ann@acme.test")
        let bob = try fixture.join(company, owner: owner, email: "bob@acme.test", role: .admin)
        let members = try fixture.members(company).members()
        #expect(members.map(\.user.email) == ["ann@acme.test", "bob@acme.test"])
        #expect(members.map(\.role) == [.owner, .admin])
        #expect(try fixture.members(company).openInvitations().isEmpty)
        #expect(bob.email == "bob@acme.test")
    }

    @Test func aNewInvitationReplacesTheOpenOneAndExpiresAfterSevenDays() throws {
        let fixture = try AccountsFixture()
        let (owner, company) = try fixture.company("Acme", owner: "ann@acme.test")
        let first = try fixture.members(company).invite(email: "cy@acme.test", role: .member, by: .user(owner.id))
        let second = try fixture.members(company).invite(email: "cy@acme.test", role: .member, by: .user(owner.id))
        #expect(try fixture.invitations.find(token: first)?.isOpen(at: fixture.time.clock.now()) == false)
        #expect(try fixture.members(company).openInvitations().count == 1)
        fixture.time.advance(by: 7 * 24 * 3600 + 1)
        #expect(throws: DomainError.self) {
            try fixture.invitations.accept(token: second, as: .newAccount(name: "Cy", password: "long enough password"))
        }
    }

    @Test func anExistingUserMustBeTheInvitedEmail() throws {
        let fixture = try AccountsFixture()
        let (ann, acme) = try fixture.company("Acme", owner: "ann@acme.test")
        let (dan, _) = try fixture.company("Initech", owner: "dan@initech.test")
        let token = try fixture.members(acme).invite(email: "erin@acme.test", role: .member, by: .user(ann.id))
        #expect(throws: DomainError.self) { try fixture.invitations.accept(token: token, as: .existingUser(id: dan.id)) }
        let forDan = try fixture.members(acme).invite(email: "dan@initech.test", role: .member, by: .user(ann.id))
        let (_, joined) = try fixture.invitations.accept(token: forDan, as: .existingUser(id: dan.id))
        #expect(joined.id == acme.id)
        #expect(try AccountDirectory(database: fixture.temporary.database).memberships(userID: dan.id).map(\.company.name) == ["Acme", "Initech"])
    }

    @Test func theLastOwnerCannotBeDemotedOrRemoved() throws {
        let fixture = try AccountsFixture()
        let (owner, company) = try fixture.company("Acme", owner: "ann@acme.test")
        let directory = fixture.members(company)
        #expect(throws: DomainError.self) { try directory.changeRole(of: owner.id, to: .admin, by: .user(owner.id)) }
        #expect(throws: DomainError.self) { try directory.remove(owner.id, by: .user(owner.id)) }
        let bob = try fixture.join(company, owner: owner, email: "bob@acme.test", role: .member)
        try directory.transferOwnership(to: bob.id, by: .user(owner.id))
        let roles = Dictionary(uniqueKeysWithValues: try directory.members().map { ($0.user.id, $0.role) })
        #expect(roles == [owner.id: .admin, bob.id: .owner])
    }

    @Test func onlyOwnersChangeMembers() throws {
        let fixture = try AccountsFixture()
        let (owner, company) = try fixture.company("Acme", owner: "ann@acme.test")
        let admin = try fixture.join(company, owner: owner, email: "bob@acme.test", role: .admin)
        let member = try fixture.join(company, owner: owner, email: "cy@acme.test", role: .member)
        let directory = fixture.members(company)
        #expect(throws: DomainError(.forbidden, "Only an Owner can change the members of this company.")) {
            try directory.changeRole(of: member.id, to: .admin, by: .user(admin.id))
        }
        #expect(throws: DomainError.self) { _ = try directory.invite(email: "x@acme.test", role: .member, by: .user(member.id)) }
        try directory.changeRole(of: member.id, to: .admin, by: .user(owner.id))
        try directory.remove(admin.id, by: .user(owner.id))
        #expect(try directory.members().map(\.user.email) == ["ann@acme.test", "cy@acme.test"])
        let events = try AuditLog(database: fixture.temporary.database, companyID: company.id).events().map(\.event)
        #expect(events.contains("member.role_changed") && events.contains("member.removed"))
    }

    @Test func anotherCompanysMembersAreNotFound() throws {
        let fixture = try AccountsFixture()
        let (ann, acme) = try fixture.company("Acme", owner: "ann@acme.test")
        let (dan, initech) = try fixture.company("Initech", owner: "dan@initech.test")
        let bob = try fixture.join(acme, owner: ann, email: "bob@acme.test", role: .member)
        let error = try #require(throws: DomainError.self) { try fixture.members(initech).changeRole(of: bob.id, to: .admin, by: .user(dan.id)) }
        #expect(error.code == .notFound)
        #expect(throws: DomainError.self) { try fixture.members(initech).remove(bob.id, by: .user(dan.id)) }
        #expect(try fixture.members(acme).members().count == 2)
    }
}
