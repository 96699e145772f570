import Core
import Foundation
import HTTPCore
import Synchronization
import Testing
import YAML

/// Per-user connections, OAuth tokens through a ``TokenProvider`` and the egress policy.
@Suite struct ActionConnectionTests {
    let fixture: ActionsFixture

    init() throws {
        fixture = try ActionsFixture()
    }

    @Test func asksAMemberWithoutAConnectionToConnectThenUsesTheirOwn() throws {
        let (integration, actions) = try fixture.integrate(.bearer, scope: .perUser, secrets: CredentialSecrets())
        let action = try #require(actions["getOrder"])
        let member = ActionRunContext(userID: fixture.integrations.member.id, agentID: "agent-1")
        let first = try fixture.executor().run(actionID: action.id, arguments: OrderedObject(["order_id": .int(1)]), as: member)
        #expect(first == .needsConnection(integrationID: integration.id, integrationName: "Orders API"))

        try fixture.integrations.credentials().connect(
            integrationID: integration.id, userID: fixture.integrations.member.id,
            secrets: CredentialSecrets(token: OrdersPeer.bearerToken),
            by: .user(fixture.integrations.member.id))
        let second = try fixture.executor().run(actionID: action.id, arguments: OrderedObject(["order_id": .int(1)]), as: member)
        #expect(second.result?.status == 200)
        // The owner has no connection of their own: the member's is not shared.
        let owner = try fixture.executor().run(
            actionID: action.id, arguments: OrderedObject(["order_id": .int(1)]), as: fixture.ownerContext)
        #expect(owner == .needsConnection(integrationID: integration.id, integrationName: "Orders API"))
        let runs = try fixture.integrations.audit().events().filter { $0.event == "action.run" }
        #expect(runs.contains { $0.detail.contains("\"credential\":\"own\"") && $0.detail.contains("\"status\":\"200\"") })
        #expect(runs.contains { $0.detail.contains("needs_connection") })
    }

    static let oauth = OAuthClientSettings(
        authorizationURL: "https://id.example.com/authorize", tokenURL: "https://id.example.com/token", clientID: "switchboard")

    @Test func refreshesOnceAfterA401AndRetries() throws {
        let (_, actions) = try fixture.integrate(.oauth2(Self.oauth), secrets: CredentialSecrets(clientSecret: "client-secret-123456"))
        let provider = ScriptedTokenProvider(tokens: ["revoked-token-0001", OrdersPeer.bearerToken])
        let action = try #require(actions["echoSecret"])
        let outcome = try fixture.executor(tokenProvider: provider).run(
            actionID: action.id, arguments: OrderedObject(), as: fixture.ownerContext)
        let result = try #require(outcome.result, "\(outcome)")
        #expect(result.status == 200)
        #expect(result.json?["you_sent"] == .string("[redacted]"))
        #expect(provider.calls == [false, true])
    }

    @Test func asksToReconnectWhenNoTokenCanBeHad() throws {
        let (integration, actions) = try fixture.integrate(
            .oauth2(Self.oauth), secrets: CredentialSecrets(clientSecret: "client-secret-123456"))
        let action = try #require(actions["echoSecret"])
        let revokedOnly = ScriptedTokenProvider(tokens: ["revoked-token-0001"])
        let outcome = try fixture.executor(tokenProvider: revokedOnly).run(
            actionID: action.id, arguments: OrderedObject(), as: fixture.ownerContext)
        #expect(outcome == .needsConnection(integrationID: integration.id, integrationName: "Orders API"))
        #expect(revokedOnly.calls == [false, true])
    }

    @Test func usesAStoredAccessTokenUntilAMinuteBeforeItExpires() throws {
        let (integration, actions) = try fixture.integrate(
            .oauth2(Self.oauth), secrets: CredentialSecrets(clientSecret: "client-secret-123456"))
        let action = try #require(actions["echoSecret"])
        try fixture.integrations.credentials().saveOAuthTokens(
            integrationID: integration.id, userID: nil,
            tokens: OAuthTokens(accessToken: OrdersPeer.bearerToken, expiresAt: fixture.integrations.clock.now().addingTimeInterval(120)),
            by: .user(fixture.integrations.owner.id))
        #expect(try fixture.executor().run(actionID: action.id, arguments: OrderedObject(), as: fixture.ownerContext).result?.status == 200)
        fixture.integrations.accounts.time.advance(by: 61)
        #expect(
            try fixture.executor().run(actionID: action.id, arguments: OrderedObject(), as: fixture.ownerContext)
                == .needsConnection(integrationID: integration.id, integrationName: "Orders API"))
    }

    @Test func failsWhenTheEgressPolicyRefusesTheAPIsAddress() throws {
        let (_, actions) = try fixture.integrate(.bearer, secrets: CredentialSecrets(token: OrdersPeer.bearerToken))
        let guarded = try HTTPClient(configuration: HTTPClientConfiguration())
        let action = try #require(actions["countInvoices"])
        let outcome = try fixture.executor(client: guarded).run(actionID: action.id, arguments: OrderedObject(), as: fixture.ownerContext)
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(reason.contains("egress policy"))
    }
}

/// A token provider that hands out tokens in order and records whether each call forced a refresh.
final class ScriptedTokenProvider: TokenProvider {
    private let state: Mutex<(tokens: [String], calls: [Bool])>

    init(tokens: [String]) { state = Mutex((tokens, [])) }

    var calls: [Bool] { state.withLock { $0.calls } }

    func accessToken(for request: AccessTokenRequest, forceRefresh: Bool) throws -> String? {
        state.withLock { state in
            state.calls.append(forceRefresh)
            return state.tokens.isEmpty ? nil : state.tokens.removeFirst()
        }
    }
}
