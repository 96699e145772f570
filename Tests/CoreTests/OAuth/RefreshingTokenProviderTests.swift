import AppTesting
import Core
import Dispatch
import Foundation
import Synchronization
import Testing

/// Refreshing against the real provider: before expiry, after a 401, with rotation, one refresh
/// for many concurrent callers, two processes racing, and a dead refresh token.
@Suite struct RefreshingTokenProviderTests {
    /// A provider whose refreshes take 300 ms, so concurrent callers overlap.
    let fixture: OAuthFixture

    init() throws {
        fixture = try OAuthFixture(providerArguments: ["--refresh-delay", "0.3"])
    }

    private func connected(scope: IntegrationScope = .global) throws -> (Integration, AccessTokenRequest) {
        let integration = try fixture.integration(scope: scope)
        let user = scope == .global ? fixture.owner : fixture.member
        _ = try fixture.connect(integration, as: user)
        let request = AccessTokenRequest(
            integrationID: integration.id, userID: scope == .global ? nil : user.id, settings: fixture.settings())
        return (integration, request)
    }

    private func stored(_ request: AccessTokenRequest) throws -> StoredOAuthTokens {
        try #require(try fixture.integrations.credentials().oauthTokens(integrationID: request.integrationID, userID: request.userID))
    }

    @Test func usesTheStoredTokenWhileItIsValidForMoreThanAMinute() throws {
        let (_, request) = try connected()
        let before = try stored(request)
        fixture.integrations.accounts.time.advance(by: 3600 - 61)
        #expect(try fixture.tokens().accessToken(for: request, forceRefresh: false) == before.tokens.accessToken)
        #expect(try fixture.tokenRequests()["refresh_token"] == nil)
    }

    @Test func refreshesWithinAMinuteOfExpiryAndKeepsTheRotatedRefreshToken() throws {
        let (_, request) = try connected(scope: .perUser)
        let first = try stored(request)
        fixture.integrations.accounts.time.advance(by: 3600 - 30)
        let token = try #require(try fixture.tokens().accessToken(for: request, forceRefresh: false))
        #expect(token != first.tokens.accessToken)
        let second = try stored(request)
        #expect(second.tokens.accessToken == token)
        #expect(second.tokens.refreshToken != first.tokens.refreshToken)
        #expect(second.version == first.version + 1)
        #expect(second.tokens.expiresAt == fixture.integrations.clock.now().addingTimeInterval(3600))
        // The provider revoked the first refresh token: the next refresh works only with the new one.
        fixture.integrations.accounts.time.advance(by: 3600)
        let third = try #require(try fixture.tokens().accessToken(for: request, forceRefresh: false))
        #expect(third != token)
        #expect(try fixture.tokenRequests()["refresh_token"] == 2)
        #expect(try fixture.integrations.audit().events().filter { $0.event == "connection.refreshed" }.count == 2)
    }

    @Test func refreshesOnceMoreAfterA401() throws {
        let (_, request) = try connected()
        let before = try stored(request)
        let token = try #require(try fixture.tokens().accessToken(for: request, forceRefresh: true))
        #expect(token != before.tokens.accessToken)
        #expect(try fixture.tokenRequests()["refresh_token"] == 1)
    }

    @Test func twentyConcurrentCallersCauseExactlyOneRefresh() throws {
        let (_, request) = try connected()
        fixture.integrations.accounts.time.advance(by: 3600)
        let provider = fixture.tokens()
        let answers = Mutex<[String?]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 20) { _ in
            do {
                let token = try provider.accessToken(for: request, forceRefresh: false)
                answers.withLock { $0.append(token) }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let tokens = answers.withLock { $0 }
        #expect(tokens.count == 20)
        #expect(Set(tokens).count == 1)
        #expect(tokens.first ?? nil == (try stored(request)).tokens.accessToken)
        #expect(try fixture.tokenRequests()["refresh_token"] == 1)
    }

    @Test func twoProcessesRefreshingAtOnceBothUseTheWinnersToken() throws {
        let (_, request) = try connected()
        let before = try stored(request)
        fixture.integrations.accounts.time.advance(by: 3600)
        // Separate lock sets stand for two processes: only the database's version check is shared.
        let processes = [fixture.tokens(locks: RefreshLocks()), fixture.tokens(locks: RefreshLocks())]
        let answers = Mutex<[String?]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let token = try? processes[index].accessToken(for: request, forceRefresh: false)
            answers.withLock { $0.append(token) }
        }
        let after = try stored(request)
        #expect(!after.needsReconnection)
        #expect(after.version == before.version + 1)
        #expect(answers.withLock { $0 } == [after.tokens.accessToken, after.tokens.accessToken])
    }

    @Test func aRefusedRefreshMarksTheConnectionForReconnection() throws {
        let (integration, request) = try connected(scope: .perUser)
        let credentials = fixture.integrations.credentials()
        try credentials.saveOAuthTokens(
            integrationID: integration.id, userID: fixture.member.id,
            tokens: OAuthTokens(
                accessToken: "expired-access-token", refreshToken: "revoked-refresh-token",
                expiresAt: fixture.integrations.clock.now().addingTimeInterval(10)),
            by: .user(fixture.member.id))
        #expect(try fixture.tokens().accessToken(for: request, forceRefresh: false) == nil)
        #expect(try credentials.connection(integrationID: integration.id, userID: fixture.member.id)?.needsReconnection == true)
        #expect(try credentials.oauthTokens(integrationID: integration.id, userID: fixture.member.id)?.needsReconnection == true)
        #expect(try fixture.integrations.audit().events().contains { $0.event == "connection.needs_reconnection" })
        // The next use asks again without calling the provider.
        #expect(try fixture.tokens().accessToken(for: request, forceRefresh: false) == nil)
        #expect(try fixture.tokenRequests()["refresh_token"] == 1)
    }

    @Test func aConnectionWithoutARefreshTokenNeedsReconnectionOnceExpired() throws {
        let integration = try fixture.integration()
        try fixture.integrations.credentials().saveOAuthTokens(
            integrationID: integration.id, userID: nil,
            tokens: OAuthTokens(accessToken: "short-lived", expiresAt: fixture.integrations.clock.now().addingTimeInterval(30)),
            by: .user(fixture.owner.id))
        let request = AccessTokenRequest(integrationID: integration.id, userID: nil, settings: fixture.settings())
        #expect(try fixture.tokens().accessToken(for: request, forceRefresh: false) == nil)
        #expect(try fixture.integrations.credentials().connection(integrationID: integration.id, userID: nil)?.needsReconnection == true)
        #expect(try fixture.tokenRequests()["refresh_token"] == nil)
    }

    @Test func answersNilWhenNeverConnected() throws {
        let integration = try fixture.integration()
        let request = AccessTokenRequest(integrationID: integration.id, userID: nil, settings: fixture.settings())
        #expect(try fixture.tokens().accessToken(for: request, forceRefresh: false) == nil)
        #expect(try fixture.tokens().accessToken(for: request, forceRefresh: true) == nil)
    }
}

/// Refreshing when the provider cannot be reached.
@Suite struct RefreshWithoutTheProviderTests {
    @Test func keepsUsingATokenThatHasNotExpiredYetAndThrowsOnceItHas() throws {
        let fixture = try OAuthFixture()
        let integration = try fixture.integration()
        _ = try fixture.connect(integration)
        let request = AccessTokenRequest(integrationID: integration.id, userID: nil, settings: fixture.settings())
        let stored = try #require(try fixture.integrations.credentials().oauthTokens(integrationID: integration.id, userID: nil))
        fixture.provider.stop()
        fixture.integrations.accounts.time.advance(by: 3600 - 30)
        #expect(try fixture.tokens().accessToken(for: request, forceRefresh: false) == stored.tokens.accessToken)
        fixture.integrations.accounts.time.advance(by: 60)
        #expect(throws: TokenEndpointError.self) { try fixture.tokens().accessToken(for: request, forceRefresh: false) }
        #expect(throws: TokenEndpointError.self) { try fixture.tokens().accessToken(for: request, forceRefresh: true) }
        #expect(try fixture.integrations.credentials().connection(integrationID: integration.id, userID: nil)?.needsReconnection == false)
    }
}
