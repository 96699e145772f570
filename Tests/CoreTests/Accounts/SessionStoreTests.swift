import AppTesting
import Core
import Testing

@Suite struct SessionStoreTests {
    @Test func findsASessionByItsTokenAndStoresOnlyTheHash() throws {
        let fixture = try AccountsFixture()
        let (owner, company) = try fixture.company("Acme", owner: "ann@acme.test")
        let (token, session) = try fixture.sessions.create(userID: owner.id, companyID: company.id, clientAddress: nil, userAgent: nil)
        #expect(token.count == 43)
        #expect(try fixture.sessions.find(token: token) == session)
        let stored = try fixture.temporary.database.read { try $0.query("SELECT id_hash FROM sessions").map { try $0["id_hash"] as String } }
        #expect(stored == [SessionStore.hash(token)])
        #expect(!stored.contains(token))
    }

    @Test func idleAndAbsoluteExpiryEndSessions() throws {
        var policy = AccountPolicy()
        policy.sessionIdleTimeout = 600
        policy.sessionLifetime = 1_000
        policy.sessionTouchInterval = 0
        let fixture = try AccountsFixture(policy: policy)
        let (owner, _) = try fixture.company("Acme", owner: "ann@acme.test")
        let idle = try fixture.sessions.create(userID: owner.id, companyID: nil, clientAddress: nil, userAgent: nil).token
        let active = try fixture.sessions.create(userID: owner.id, companyID: nil, clientAddress: nil, userAgent: nil).token
        fixture.time.advance(by: 500)
        #expect(try fixture.sessions.find(token: active) != nil)
        fixture.time.advance(by: 200)
        #expect(try fixture.sessions.find(token: idle) == nil, "idle for 700 s of 600")
        #expect(try fixture.sessions.find(token: active) != nil, "seen 200 s ago")
        fixture.time.advance(by: 400)
        #expect(try fixture.sessions.find(token: active) == nil, "past the 1,000 s lifetime")
    }

    @Test func signOutRemovesTheSessionServerSide() throws {
        let fixture = try AccountsFixture()
        let (owner, _) = try fixture.company("Acme", owner: "ann@acme.test")
        let (token, session) = try fixture.sessions.create(userID: owner.id, companyID: nil, clientAddress: nil, userAgent: nil)
        try fixture.sessions.delete(idHash: session.idHash)
        #expect(try fixture.sessions.find(token: token) == nil)
        #expect(try fixture.sessions.find(token: "forged") == nil)
    }
}
