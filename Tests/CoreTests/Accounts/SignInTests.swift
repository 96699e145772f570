import AppTesting
import Core
import Testing

@Suite struct SignInTests {
    @Test func rightPasswordSignsInAndIsAudited() throws {
        let fixture = try AccountsFixture()
        let (owner, company) = try fixture.company("Acme", owner: "ann@acme.test")
        #expect(try fixture.signIn.signIn(email: " ANN@acme.test", password: "correct horse battery", clientAddress: "10.0.0.1") == owner)
        let events = try AuditLog(database: fixture.temporary.database, companyID: company.id).events()
        #expect(events.first?.event == "session.signed_in")
        #expect(events.first?.clientAddress == "10.0.0.1")
    }

    @Test func unknownEmailAndWrongPasswordGetTheSameMessage() throws {
        let fixture = try AccountsFixture()
        _ = try fixture.company("Acme", owner: "ann@acme.test")
        let unknown = try #require(throws: DomainError.self) {
            try fixture.signIn.signIn(email: "nobody@acme.test", password: "whatever it is", clientAddress: "a")
        }
        let wrong = try #require(throws: DomainError.self) {
            try fixture.signIn.signIn(email: "ann@acme.test", password: "wrong password!", clientAddress: "a")
        }
        #expect(unknown == wrong)
        #expect(wrong.message == SignIn.wrongCredentials)
    }

    @Test func anAccountIsLockedAfterRepeatedFailuresAndUnlocksLater() throws {
        let fixture = try AccountsFixture()
        _ = try fixture.company("Acme", owner: "ann@acme.test")
        for attempt in 1...5 {
            // Different addresses: only the account's own counter is at work here.
            #expect(throws: DomainError(.unauthenticated, SignIn.wrongCredentials)) {
                try fixture.signIn.signIn(email: "ann@acme.test", password: "guess number \(attempt)", clientAddress: "addr-\(attempt)")
            }
        }
        let locked = try #require(throws: DomainError.self) {
            try fixture.signIn.signIn(email: "ann@acme.test", password: "correct horse battery", clientAddress: "addr-6")
        }
        #expect(locked.code == .throttled(retryAfterSeconds: 30))
        #expect(locked.message == "Too many failed sign-ins. Try again in 30 seconds.")
        fixture.time.advance(by: 31)
        #expect(throws: Never.self) { try fixture.signIn.signIn(email: "ann@acme.test", password: "correct horse battery", clientAddress: "addr-7") }
    }

    @Test func anAddressIsLockedAfterManyFailuresAcrossAccounts() throws {
        var policy = AccountPolicy()
        policy.addressFailureLimit = 3
        let fixture = try AccountsFixture(policy: policy)
        _ = try fixture.company("Acme", owner: "ann@acme.test")
        for n in 1...3 {
            _ = try? fixture.signIn.signIn(email: "user\(n)@acme.test", password: "guessing away", clientAddress: "203.0.113.9")
        }
        let error = try #require(throws: DomainError.self) {
            try fixture.signIn.signIn(email: "ann@acme.test", password: "correct horse battery", clientAddress: "203.0.113.9")
        }
        #expect(error.code == .throttled(retryAfterSeconds: 300))
        #expect(throws: Never.self) { try fixture.signIn.signIn(email: "ann@acme.test", password: "correct horse battery", clientAddress: "198.51.100.1") }
    }
}
