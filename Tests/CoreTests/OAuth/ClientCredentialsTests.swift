import AppTesting
import Core
import Foundation
import Testing
import YAML

/// The client-credentials grant against the real provider: action calls at the provider's own
/// `/userinfo` (which accepts only the tokens it issued) on a Global integration nobody
/// connected, counting the provider's `client_credentials` token requests.
@Suite struct ClientCredentialsTests {
    let fixture: OAuthFixture

    init() throws {
        fixture = try OAuthFixture()
    }

    /// Client-credentials settings for the provider; no authorization URL.
    private func settings(
        clientID: String = "switchboard-machine", authentication: OAuthClientSettings.TokenEndpointAuthentication = .basicHeader
    ) -> OAuthClientSettings {
        OAuthClientSettings(
            authorizationURL: "", tokenURL: fixture.provider.baseURL + "/oauth2/token", clientID: clientID, scopes: ["openid", "email"],
            tokenEndpointAuthentication: authentication, grant: .clientCredentials)
    }

    /// A Global integration whose one action is `GET /userinfo` at the provider.
    private func userInfoIntegration(_ settings: OAuthClientSettings, clientSecret: String = OAuthFixture.clientSecret) throws -> (
        integration: Integration, actionID: String
    ) {
        let schema = """
            openapi: 3.0.3
            info: {title: Provider, version: "1"}
            servers: [{url: "\(fixture.provider.baseURL)"}]
            paths:
              /userinfo:
                get: {operationId: getUserInfo, summary: Who am I, responses: {"200": {description: ok}}}
            """
        let draft = try IntegrationsFixture.draft(schema)
        var choices = draft.defaultChoices
        choices.name = "Machine"
        choices.baseURL = fixture.provider.baseURL
        choices.auth = .oauth2(settings)
        choices.scope = .global
        let integration = try fixture.integrations.store().create(
            draft, choices: choices, secrets: CredentialSecrets(clientSecret: clientSecret), by: .user(fixture.owner.id))
        let action = try #require(try fixture.integrations.store().actions(of: integration.id).first)
        return (integration, action.id)
    }

    private func run(_ actionID: String) throws -> ActionOutcome {
        try ActionExecutor(
            database: fixture.integrations.database, companyID: fixture.integrations.company.id, vault: fixture.integrations.vault,
            client: fixture.client, tokenProvider: fixture.tokens(), clock: fixture.integrations.clock
        ).run(actionID: actionID, arguments: OrderedObject(), as: ActionRunContext(userID: fixture.member.id))
    }

    private func stored(_ integration: Integration) throws -> StoredOAuthTokens? {
        try fixture.integrations.credentials().oauthTokens(integrationID: integration.id, userID: nil)
    }

    @Test func theFirstCallFetchesATokenAndTheNextReusesIt() throws {
        let (integration, actionID) = try userInfoIntegration(settings())
        #expect(try stored(integration) == nil)
        // Nobody connects a client-credentials integration.
        #expect(try fixture.integrations.store().list().first { $0.id == integration.id }?.status != .needsConnection)
        let first = try run(actionID)
        #expect(first.result?.status == 200)
        // The provider makes the client the token's subject.
        #expect(first.result?.bodyText.contains("switchboard-machine") == true)
        let token = try #require(try stored(integration))
        #expect(token.tokens.expiresAt == fixture.integrations.clock.now().addingTimeInterval(3600))
        #expect(token.tokens.scopes == "openid email")
        #expect(try run(actionID).result?.status == 200)
        #expect(try fixture.tokenRequests() == ["client_credentials": 1])
        #expect(try stored(integration)?.version == token.version)
        // The token never reaches the result or the audit log.
        #expect(first.result?.bodyText.contains(token.tokens.accessToken) == false)
        #expect(!(try fixture.integrations.audit().events().contains { $0.detail.contains(token.tokens.accessToken) }))
    }

    @Test func aTokenExpiringWithinAMinuteIsReplacedByANewOne() throws {
        let (integration, actionID) = try userInfoIntegration(settings())
        #expect(try run(actionID).result?.status == 200)
        let first = try #require(try stored(integration))
        fixture.integrations.accounts.time.advance(by: 3600 - 61)
        #expect(try run(actionID).result?.status == 200)
        #expect(try fixture.tokenRequests()["client_credentials"] == 1)
        fixture.integrations.accounts.time.advance(by: 31)
        #expect(try run(actionID).result?.status == 200)
        let second = try #require(try stored(integration))
        #expect(second.tokens.accessToken != first.tokens.accessToken)
        #expect(second.version == first.version + 1)
        #expect(try fixture.tokenRequests()["client_credentials"] == 2)
    }

    @Test func aTokenTheAPIRefusesIsReplacedAfterThe401AndTheCallRetried() throws {
        let (integration, actionID) = try userInfoIntegration(settings())
        // The provider does not know this token, though it has not expired here.
        try fixture.integrations.credentials().saveOAuthTokens(
            integrationID: integration.id, userID: nil,
            tokens: OAuthTokens(
                accessToken: "revoked-machine-token-0001", expiresAt: fixture.integrations.clock.now().addingTimeInterval(3600)),
            by: .system)
        #expect(try run(actionID).result?.status == 200)
        #expect(try fixture.tokenRequests() == ["client_credentials": 1])
        #expect(try stored(integration)?.tokens.accessToken != "revoked-machine-token-0001")
    }

    @Test func aClientRegisteredForBodyAuthenticationGetsItsToken() throws {
        let client = try fixture.registerClient(method: "client_secret_post")
        let (_, actionID) = try userInfoIntegration(
            settings(clientID: client.id, authentication: .requestBody), clientSecret: client.secret)
        let outcome = try run(actionID)
        #expect(outcome.result?.status == 200)
        #expect(outcome.result?.bodyText.contains(client.id) == true)
    }

    @Test func aRejectedClientMarksTheConnectionUntilAnAdminSavesTheIntegration() throws {
        let client = try fixture.registerClient(method: "client_secret_basic")
        let (integration, actionID) = try userInfoIntegration(settings(clientID: client.id), clientSecret: "not-the-registered-secret")
        // Nothing stored to mark: the member's call says why it did not run.
        #expect {
            _ = try run(actionID)
        } throws: { error in
            (error as? TokenEndpointError)?.rejectsClient == true
        }
        // A token from before the secret was changed at the provider is about to expire.
        try fixture.integrations.credentials().saveOAuthTokens(
            integrationID: integration.id, userID: nil,
            tokens: OAuthTokens(accessToken: "old-machine-token-0001", expiresAt: fixture.integrations.clock.now().addingTimeInterval(30)),
            by: .system)
        #expect(try run(actionID) == .needsConnection(integrationID: integration.id, integrationName: "Machine"))
        #expect(try fixture.integrations.store().get(integration.id).companyCredential?.needsReconnection == true)
        #expect(try fixture.integrations.store().list().first { $0.id == integration.id }?.status == .tokenExpired)
        // Marked: no token request until the admin acts.
        #expect(try run(actionID) == .needsConnection(integrationID: integration.id, integrationName: "Machine"))
        #expect(try fixture.tokenRequests()["client_credentials"] == 2)

        let choices = IntegrationChoices(
            name: "Machine", description: "", baseURL: fixture.provider.baseURL, scope: .global,
            auth: .oauth2(settings(clientID: client.id)))
        try fixture.integrations.store().updateSettings(
            integration.id, choices, secrets: CredentialSecrets(clientSecret: client.secret), by: .user(fixture.owner.id))
        #expect(try run(actionID).result?.status == 200)
        #expect(try fixture.integrations.store().list().first { $0.id == integration.id }?.status != .tokenExpired)
    }
}
