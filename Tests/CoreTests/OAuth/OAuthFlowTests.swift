import AppTesting
import Core
import Cryptography
import Foundation
import HTTPCore
import Testing

/// The authorization code flow with PKCE against a real provider: the authorization URL, the
/// state's checks, the provider's refusals, client authentication and both token formats.
@Suite struct OAuthFlowTests {
    let fixture: OAuthFixture

    init() throws {
        fixture = try OAuthFixture()
    }

    @Test func buildsTheAuthorizationURLWithPKCEAndExtraParameters() throws {
        var settings = fixture.settings(extra: [NameValue(name: "audience", value: "orders api"), NameValue(name: "prompt", value: "consent")])
        settings.authorizationURL += "?tenant=acme"
        let integration = try fixture.integration(settings: settings)
        let url = try fixture.flow().start(
            integrationID: integration.id, userID: fixture.owner.id, sessionIDHash: fixture.ownerSession, returnPath: "/integrations",
            pendingActionID: nil)
        #expect(url.hasPrefix(fixture.provider.baseURL + "/oauth2/authorize?tenant=acme&response_type=code&"))
        let query = OAuthFixture.query(of: url)
        #expect(query["client_id"] == "switchboard-tests")
        #expect(query["redirect_uri"] == OAuthFixture.redirectURI)
        #expect(query["scope"] == "openid email")
        #expect(query["code_challenge_method"] == "S256")
        #expect(query["code_challenge"]?.count == 43)
        #expect(query["state"]?.count == 43)
        #expect(query["audience"] == "orders api")
        #expect(query["prompt"] == "consent")
        #expect(url.contains("scope=openid%20email"))
    }

    @Test func storesOnlyTheStatesHash() throws {
        let integration = try fixture.integration()
        let url = try fixture.flow().start(
            integrationID: integration.id, userID: fixture.owner.id, sessionIDHash: fixture.ownerSession, returnPath: "/",
            pendingActionID: nil)
        let state = try #require(OAuthFixture.query(of: url)["state"])
        let bytes = try fixture.integrations.databaseBytes()
        func contains(_ text: String) -> Bool {
            let needle = Array(text.utf8)
            return bytes.count >= needle.count && (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle }
        }
        #expect(!contains(state))
        #expect(contains(SHA256.hexDigest(SHA256.hash(state))))
    }

    @Test(arguments: ["https://evil.example/", "//evil.example/x", "/\\evil.example", "integrations", "", "/a b", "/tab\there"])
    func refusesAReturnPathOffThisServer(path: String) throws {
        let integration = try fixture.integration()
        #expect(throws: OAuthFlowError.invalidReturnPath) {
            try fixture.flow().start(
                integrationID: integration.id, userID: fixture.owner.id, sessionIDHash: fixture.ownerSession, returnPath: path,
                pendingActionID: nil)
        }
    }

    @Test func connectsTheCompanyEndToEndWithPKCE() throws {
        let integration = try fixture.integration(scope: .global)
        let outcome = try fixture.connect(integration, returnPath: "/integrations/x?tab=auth", pendingActionID: "pending-1")
        #expect(
            outcome == .connected(OAuthReturn(integrationID: integration.id, returnPath: "/integrations/x?tab=auth", pendingActionID: "pending-1")))
        let stored = try #require(try fixture.integrations.credentials().oauthTokens(integrationID: integration.id, userID: nil))
        #expect(!stored.tokens.accessToken.isEmpty)
        #expect(stored.tokens.refreshToken != nil)
        #expect(stored.tokens.scopes == "openid email")
        #expect(stored.tokens.expiresAt == fixture.integrations.clock.now().addingTimeInterval(3600))
        #expect(try fixture.tokenRequests()["authorization_code"] == 1)
        let events = try fixture.integrations.audit().events()
        let connected = try #require(events.first { $0.event == "connection.connected" })
        #expect(connected.detail.contains("global"))
        // Tokens never reach the audit log.
        #expect(!events.contains { $0.detail.contains(stored.tokens.accessToken) })
    }

    @Test func connectsAMembersOwnAccountForPerUserScope() throws {
        let integration = try fixture.integration(scope: .perUser)
        let outcome = try fixture.connect(integration, as: fixture.member)
        #expect(outcome == .connected(OAuthReturn(integrationID: integration.id, returnPath: "/integrations", pendingActionID: nil)))
        let credentials = fixture.integrations.credentials()
        #expect(try credentials.oauthTokens(integrationID: integration.id, userID: fixture.member.id) != nil)
        #expect(try credentials.oauthTokens(integrationID: integration.id, userID: nil) == nil)
        #expect(try credentials.oauthTokens(integrationID: integration.id, userID: fixture.owner.id) == nil)
    }

    @Test func letsOnlyAnAdminConnectTheCompanysAccount() throws {
        let integration = try fixture.integration(scope: .global)
        #expect(throws: DomainError.self) {
            try fixture.flow().start(
                integrationID: integration.id, userID: fixture.member.id, sessionIDHash: fixture.memberSession, returnPath: "/",
                pendingActionID: nil)
        }
    }

    @Test func theProviderChecksTheCodeVerifier() throws {
        let integration = try fixture.integration()
        let url = try fixture.flow().start(
            integrationID: integration.id, userID: fixture.owner.id, sessionIDHash: fixture.ownerSession, returnPath: "/",
            pendingActionID: nil)
        let callback = try fixture.visitProvider(url)
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/x-www-form-urlencoded")
        headers.add("Authorization", "Basic " + Data("switchboard-tests:\(OAuthFixture.clientSecret)".utf8).base64EncodedString())
        let redirect = OAuthFixture.redirectURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let body = "grant_type=authorization_code&code=\(callback["code"] ?? "")&redirect_uri=\(redirect)&code_verifier=\(String(repeating: "w", count: 43))"
        let answer = try fixture.client.send(
            ClientRequest(method: .post, url: try HTTPURL(fixture.settings().tokenURL), headers: headers, body: Array(body.utf8)))
        #expect(answer.status.code == 400)
        #expect(answer.bodyText.contains("invalid_grant"))
    }

    @Test func refusesAForgedState() throws {
        let integration = try fixture.integration()
        _ = try fixture.flow().start(
            integrationID: integration.id, userID: fixture.owner.id, sessionIDHash: fixture.ownerSession, returnPath: "/",
            pendingActionID: nil)
        for forged in ["", try SecureRandom.token(), String(repeating: "a", count: 10_000)] {
            #expect(throws: OAuthFlowError.unknownState) {
                try fixture.flow().complete(
                    state: forged, code: "code", error: nil, sessionIDHash: fixture.ownerSession, userID: fixture.owner.id)
            }
        }
    }

    @Test func refusesAReplayedState() throws {
        let integration = try fixture.integration()
        let url = try fixture.flow().start(
            integrationID: integration.id, userID: fixture.owner.id, sessionIDHash: fixture.ownerSession, returnPath: "/",
            pendingActionID: nil)
        let callback = try fixture.visitProvider(url)
        let state = try #require(callback["state"])
        _ = try fixture.flow().complete(
            state: state, code: callback["code"], error: nil, sessionIDHash: fixture.ownerSession, userID: fixture.owner.id)
        #expect(throws: OAuthFlowError.stateAlreadyUsed) {
            try fixture.flow().complete(
                state: state, code: callback["code"], error: nil, sessionIDHash: fixture.ownerSession, userID: fixture.owner.id)
        }
        #expect(try fixture.tokenRequests()["authorization_code"] == 1)
    }

    @Test func refusesAStateOlderThanTenMinutes() throws {
        let integration = try fixture.integration()
        let url = try fixture.flow().start(
            integrationID: integration.id, userID: fixture.owner.id, sessionIDHash: fixture.ownerSession, returnPath: "/",
            pendingActionID: nil)
        let callback = try fixture.visitProvider(url)
        fixture.integrations.accounts.time.advance(by: 601)
        #expect(throws: OAuthFlowError.stateExpired) {
            try fixture.flow().complete(
                state: callback["state"] ?? "", code: callback["code"], error: nil, sessionIDHash: fixture.ownerSession,
                userID: fixture.owner.id)
        }
        #expect(try fixture.tokenRequests()["authorization_code"] == nil)
    }

    @Test func refusesAnotherUsersOrSessionsStateAndKeepsItForItsOwner() throws {
        let integration = try fixture.integration(scope: .perUser)
        let url = try fixture.flow().start(
            integrationID: integration.id, userID: fixture.member.id, sessionIDHash: fixture.memberSession, returnPath: "/connections",
            pendingActionID: nil)
        let callback = try fixture.visitProvider(url)
        let state = try #require(callback["state"])
        #expect(throws: OAuthFlowError.stateOfAnotherUser) {
            try fixture.flow().complete(
                state: state, code: callback["code"], error: nil, sessionIDHash: fixture.ownerSession, userID: fixture.owner.id)
        }
        let otherBrowser = try fixture.integrations.accounts.sessions.create(
            userID: fixture.member.id, companyID: fixture.integrations.company.id, clientAddress: nil, userAgent: nil
        ).session.idHash
        #expect(throws: OAuthFlowError.stateOfAnotherSession) {
            try fixture.flow().complete(
                state: state, code: callback["code"], error: nil, sessionIDHash: otherBrowser, userID: fixture.member.id)
        }
        // Another company's flow does not know the state at all.
        let otherCompany = OAuthFlow(
            database: fixture.integrations.database, companyID: fixture.integrations.otherCompany.id, vault: fixture.integrations.vault,
            client: fixture.client, redirectURI: OAuthFixture.redirectURI, clock: fixture.integrations.clock)
        #expect(throws: OAuthFlowError.unknownState) {
            try otherCompany.complete(
                state: state, code: callback["code"], error: nil, sessionIDHash: fixture.memberSession, userID: fixture.member.id)
        }
        let outcome = try fixture.flow().complete(
            state: state, code: callback["code"], error: nil, sessionIDHash: fixture.memberSession, userID: fixture.member.id)
        #expect(outcome == .connected(OAuthReturn(integrationID: integration.id, returnPath: "/connections", pendingActionID: nil)))
    }

    @Test func reportsAccessDeniedSoThePageCanOfferToTryAgain() throws {
        let integration = try fixture.integration(scope: .perUser)
        let url = try fixture.flow().start(
            integrationID: integration.id, userID: fixture.member.id, sessionIDHash: fixture.memberSession, returnPath: "/chat/7",
            pendingActionID: "pending-7")
        let callback = try fixture.visitProvider(url, form: "action=deny")
        #expect(callback["error"] == "access_denied")
        let outcome = try fixture.flow().complete(
            state: callback["state"] ?? "", code: nil, error: callback["error"], errorDescription: callback["error_description"],
            sessionIDHash: fixture.memberSession, userID: fixture.member.id)
        guard case .refused(let refusal, let back) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(refusal.error == "access_denied")
        #expect(refusal.message == "The connection was not allowed at the provider.")
        #expect(back == OAuthReturn(integrationID: integration.id, returnPath: "/chat/7", pendingActionID: "pending-7"))
        #expect(try fixture.integrations.credentials().oauthTokens(integrationID: integration.id, userID: fixture.member.id) == nil)
        #expect(try fixture.integrations.audit().events().contains { $0.event == "connection.refused" })
    }

    @Test func describesOtherProviderErrorsWithTheirDescription() {
        let refusal = OAuthProviderRefusal(error: "invalid_scope", description: "The scope admin is unknown.")
        #expect(refusal.message == "The provider refused the connection (invalid_scope): The scope admin is unknown.")
    }

    @Test(arguments: [
        ("client_secret_basic", OAuthClientSettings.TokenEndpointAuthentication.basicHeader, true),
        ("client_secret_post", .requestBody, true),
        ("client_secret_basic", .requestBody, false),
        ("client_secret_post", .basicHeader, false),
    ])
    func authenticatesTheClientAsConfigured(
        registered: String, configured: OAuthClientSettings.TokenEndpointAuthentication, accepted: Bool
    ) throws {
        let client = try fixture.registerClient(method: registered)
        let integration = try fixture.integration(
            settings: fixture.settings(clientID: client.id, authentication: configured), clientSecret: client.secret)
        if accepted {
            #expect(try fixture.connect(integration) == .connected(OAuthReturn(integrationID: integration.id, returnPath: "/integrations")))
        } else {
            let error = #expect(throws: OAuthFlowError.self) { try fixture.connect(integration) }
            guard case .tokenExchangeFailed(.refused(let code, _, _))? = error else {
                Issue.record("expected the token endpoint to refuse, got \(String(describing: error))")
                return
            }
            #expect(code == "invalid_client")
        }
    }

    @Test func refusesAWrongClientSecret() throws {
        let client = try fixture.registerClient(method: "client_secret_basic")
        let integration = try fixture.integration(settings: fixture.settings(clientID: client.id), clientSecret: "not-the-secret")
        #expect(throws: OAuthFlowError.self) { try fixture.connect(integration) }
        #expect(try fixture.integrations.credentials().oauthTokens(integrationID: integration.id, userID: nil) == nil)
        #expect(try fixture.integrations.audit().events().contains { $0.event == "connection.exchange_failed" })
    }
}

/// The token endpoint answering `application/x-www-form-urlencoded`.
@Suite struct OAuthFormTokenResponseTests {
    @Test func readsAFormEncodedTokenResponse() throws {
        let fixture = try OAuthFixture(providerArguments: ["--token-response", "form"])
        let integration = try fixture.integration()
        #expect(try fixture.connect(integration) == .connected(OAuthReturn(integrationID: integration.id, returnPath: "/integrations")))
        let stored = try #require(try fixture.integrations.credentials().oauthTokens(integrationID: integration.id, userID: nil))
        #expect(stored.tokens.refreshToken != nil)
        #expect(stored.tokens.scopes == "openid email")
        #expect(stored.tokens.expiresAt == fixture.integrations.clock.now().addingTimeInterval(3600))
    }
}
