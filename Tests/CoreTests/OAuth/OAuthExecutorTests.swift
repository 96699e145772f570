import AppTesting
import Core
import Dispatch
import Foundation
import Synchronization
import Testing
import YAML

/// The action executor with the refreshing provider, calling the provider's own `/userinfo`
/// (which accepts only the access tokens it issued) as the integration's API.
@Suite struct OAuthExecutorTests {
    let fixture: OAuthFixture

    init() throws {
        fixture = try OAuthFixture(providerArguments: ["--refresh-delay", "0.3"])
    }

    /// An integration whose one action is `GET /userinfo` at the provider, connected by the owner.
    private func connectedUserInfo() throws -> (integration: Integration, actionID: String) {
        let schema = """
            openapi: 3.0.3
            info: {title: Provider, version: "1"}
            servers: [{url: "\(fixture.provider.baseURL)"}]
            components:
              securitySchemes:
                token: {type: http, scheme: bearer}
            security: [{token: []}]
            paths:
              /userinfo:
                get: {operationId: getUserInfo, summary: Who am I, responses: {"200": {description: ok}}}
            """
        let draft = try IntegrationsFixture.draft(schema)
        var choices = draft.defaultChoices
        choices.name = "Provider"
        choices.baseURL = fixture.provider.baseURL
        choices.auth = .oauth2(fixture.settings())
        choices.scope = .global
        let integration = try fixture.integrations.store().create(
            draft, choices: choices, secrets: CredentialSecrets(clientSecret: OAuthFixture.clientSecret), by: .user(fixture.owner.id))
        let action = try #require(try fixture.integrations.store().actions(of: integration.id).first)
        _ = try fixture.connect(integration)
        return (integration, action.id)
    }

    private func executor() -> ActionExecutor {
        ActionExecutor(
            database: fixture.integrations.database, companyID: fixture.integrations.company.id, vault: fixture.integrations.vault,
            client: fixture.client, tokenProvider: fixture.tokens(), clock: fixture.integrations.clock)
    }

    @Test func twentyConcurrentActionCallsWithAnExpiredTokenRefreshOnce() throws {
        let (_, actionID) = try connectedUserInfo()
        fixture.integrations.accounts.time.advance(by: 3600)
        let executor = executor()
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 20) { _ in
            let outcome = try? executor.run(actionID: actionID, arguments: OrderedObject(), as: ActionRunContext(userID: fixture.owner.id))
            statuses.withLock { $0.append(outcome?.result?.status ?? -1) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 200, count: 20))
        #expect(try fixture.tokenRequests()["refresh_token"] == 1)
    }

    @Test func aRevokedAccessTokenIsRefreshedAfterThe401AndTheCallRetried() throws {
        let (integration, actionID) = try connectedUserInfo()
        let credentials = fixture.integrations.credentials()
        let stored = try #require(try credentials.oauthTokens(integrationID: integration.id, userID: nil))
        // The provider no longer knows this access token, though it has not expired here.
        var revoked = stored.tokens
        revoked.accessToken = "revoked-access-token-0001"
        try credentials.saveOAuthTokens(integrationID: integration.id, userID: nil, tokens: revoked, by: .user(fixture.owner.id))
        let outcome = try executor().run(actionID: actionID, arguments: OrderedObject(), as: ActionRunContext(userID: fixture.owner.id))
        #expect(outcome.result?.status == 200)
        #expect(outcome.result?.bodyText.contains("alice@example.test") == true)
        #expect(try fixture.tokenRequests()["refresh_token"] == 1)
        // The token never reaches the result or the audit log.
        let fresh = try #require(try credentials.oauthTokens(integrationID: integration.id, userID: nil))
        #expect(outcome.result?.bodyText.contains(fresh.tokens.accessToken) == false)
        #expect(!(try fixture.integrations.audit().events().contains { $0.detail.contains(fresh.tokens.accessToken) }))
    }

    @Test func aDeadRefreshTokenAsksTheUserToConnectAgain() throws {
        let (integration, actionID) = try connectedUserInfo()
        let credentials = fixture.integrations.credentials()
        try credentials.saveOAuthTokens(
            integrationID: integration.id, userID: nil,
            tokens: OAuthTokens(accessToken: "revoked-access-token-0002", refreshToken: "revoked-refresh-token-0002"),
            by: .user(fixture.owner.id))
        let outcome = try executor().run(actionID: actionID, arguments: OrderedObject(), as: ActionRunContext(userID: fixture.owner.id))
        #expect(outcome == .needsConnection(integrationID: integration.id, integrationName: "Provider"))
        #expect(try credentials.connection(integrationID: integration.id, userID: nil)?.needsReconnection == true)
    }
}
