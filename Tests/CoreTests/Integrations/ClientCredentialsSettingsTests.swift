import AppTesting
import Core
import Foundation
import Testing

/// The client-credentials choice of ``OAuthClientSettings``: how it is stored, and which
/// integrations may use it.
@Suite struct ClientCredentialsSettingsTests {
    let fixture: IntegrationsFixture

    init() throws {
        fixture = try IntegrationsFixture()
    }

    private static func settings(authorizationURL: String = "") -> OAuthClientSettings {
        OAuthClientSettings(
            authorizationURL: authorizationURL, tokenURL: "https://auth.example.test/token", clientID: "machine",
            grant: .clientCredentials)
    }

    @Test func settingsStoredBeforeTheGrantExistedReadAsAuthorizationCode() throws {
        let stored = #"""
            {"authorizationURL":"https://auth.example.test/authorize","clientID":"switchboard","extraAuthorizationParameters":[],\#
            "scopes":["orders.read"],"staticHeaderNames":[],"tokenEndpointAuthentication":"basic_header",\#
            "tokenURL":"https://auth.example.test/token"}
            """#
        let settings = try JSONDecoder().decode(OAuthClientSettings.self, from: Data(stored.utf8))
        #expect(settings.grant == .authorizationCode)
        #expect(settings.clientID == "switchboard")
        #expect(settings.scopes == ["orders.read"])
    }

    @Test func theGrantSurvivesTheDatabase() throws {
        let integration = try fixture.createOrders(
            auth: .oauth2(Self.settings()), secrets: CredentialSecrets(clientSecret: "machine-secret-77aa"))
        #expect(try fixture.store().get(integration.id).auth == .oauth2(Self.settings()))
    }

    @Test func switchingToTheAuthorizationCodeGrantDropsTheFetchedToken() throws {
        let integration = try fixture.createOrders(
            auth: .oauth2(Self.settings()), secrets: CredentialSecrets(clientSecret: "machine-secret-77aa"))
        try fixture.credentials().saveOAuthTokens(
            integrationID: integration.id, userID: nil, tokens: OAuthTokens(accessToken: "machine-token-0001"), by: .system)
        var settings = Self.settings(authorizationURL: "https://auth.example.test/authorize")
        settings.grant = .authorizationCode
        let choices = IntegrationChoices(
            name: integration.name, description: "", baseURL: integration.baseURL, scope: .global, auth: .oauth2(settings))
        try fixture.store().updateSettings(integration.id, choices, secrets: CredentialSecrets(), by: .user(fixture.owner.id))
        #expect(try fixture.credentials().oauthTokens(integrationID: integration.id, userID: nil) == nil)
        // The client secret stays: only the way tokens come changed.
        #expect(try fixture.store().get(integration.id).oauthClientCredential != nil)
    }

    @Test func perUserScopeWithClientCredentialsIsRefusedOnTheScopeField() throws {
        #expect {
            try fixture.createOrders(
                auth: .oauth2(Self.settings()), scope: .perUser, secrets: CredentialSecrets(clientSecret: "machine-secret-77aa"))
        } throws: { error in
            let fields = (error as? FormErrors)?.fields ?? []
            return fields.map(\.field) == ["scope"] && fields.first?.message.contains("Global") == true
        }
    }

    @Test func clientCredentialsNeedATokenURLAClientIDAndASecretButNoAuthorizationURL() throws {
        let choices = IntegrationChoices(
            name: "Machine", description: "", baseURL: "https://api.example.test", scope: .global,
            auth: .oauth2(OAuthClientSettings(authorizationURL: "", tokenURL: "", clientID: " ", grant: .clientCredentials)))
        let problems = IntegrationValidation.problems(
            choices, secrets: CredentialSecrets(), storedSecrets: CredentialSecrets(), requireConnectionSecrets: true, checkActions: false)
        #expect(Set(problems.map(\.field)) == ["auth.token_url", "auth.client_id", "secrets.client_secret"])
    }

    @Test func theAuthorizationCodeGrantStillNeedsItsAuthorizationURL() throws {
        var settings = Self.settings()
        settings.grant = .authorizationCode
        let choices = IntegrationChoices(
            name: "Orders", description: "", baseURL: "https://api.example.test", scope: .global, auth: .oauth2(settings))
        let problems = IntegrationValidation.problems(
            choices, secrets: CredentialSecrets(), storedSecrets: CredentialSecrets(), requireConnectionSecrets: true, checkActions: false)
        #expect(problems.map(\.field) == ["auth.authorization_url"])
    }
}
