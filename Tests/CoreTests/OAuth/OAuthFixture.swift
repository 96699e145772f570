import AppTesting
import Core
import Foundation
import HTTPCore

/// The OAuth provider of Tests/peers/oauth_provider.py (oidc-provider-mock with PKCE checked and
/// refresh tokens rotated), an OAuth integration in the integrations fixture's company, signed-in
/// sessions for its owner and member, and a browser stand-in that signs in at the provider.
struct OAuthFixture {
    let integrations: IntegrationsFixture
    let provider: PythonPeer
    let client: HTTPClient
    let ownerSession: String
    let memberSession: String

    /// The callback URL given to the provider; nothing listens there, the browser stand-in
    /// reads the redirect instead of following it.
    static let redirectURI = "http://127.0.0.1:9/oauth/callback"
    static let clientSecret = "provider-client-secret-5f3a"

    /// Starts a provider with `providerArguments` (`--token-response form`, `--refresh-delay 0.3`…).
    init(providerArguments: [String] = []) throws {
        integrations = try IntegrationsFixture()
        provider = try PythonPeer(script: "oauth_provider.py", arguments: providerArguments)
        var configuration = HTTPClientConfiguration()
        configuration.egressPolicy = try EgressPolicy(allowList: "127.0.0.1")
        configuration.readTimeout = .seconds(10)
        client = try HTTPClient(configuration: configuration)
        let sessions = integrations.accounts.sessions
        ownerSession = try sessions.create(
            userID: integrations.owner.id, companyID: integrations.company.id, clientAddress: nil, userAgent: nil
        ).session.idHash
        memberSession = try sessions.create(
            userID: integrations.member.id, companyID: integrations.company.id, clientAddress: nil, userAgent: nil
        ).session.idHash
    }

    var owner: User { integrations.owner }
    var member: User { integrations.member }

    func settings(
        clientID: String = "switchboard-tests", authentication: OAuthClientSettings.TokenEndpointAuthentication = .basicHeader,
        extra: [NameValue] = []
    ) -> OAuthClientSettings {
        OAuthClientSettings(
            authorizationURL: provider.baseURL + "/oauth2/authorize", tokenURL: provider.baseURL + "/oauth2/token", clientID: clientID,
            scopes: ["openid", "email"], extraAuthorizationParameters: extra, tokenEndpointAuthentication: authentication)
    }

    /// An integration connecting with `settings` (the fixture's defaults when nil).
    func integration(
        scope: IntegrationScope = .global, settings: OAuthClientSettings? = nil, clientSecret: String? = OAuthFixture.clientSecret
    ) throws -> Integration {
        try integrations.createOrders(
            name: "Orders \(scope.rawValue)", auth: .oauth2(settings ?? self.settings()), scope: scope,
            secrets: CredentialSecrets(clientSecret: clientSecret))
    }

    func flow() -> OAuthFlow {
        OAuthFlow(
            database: integrations.database, companyID: integrations.company.id, vault: integrations.vault, client: client,
            redirectURI: Self.redirectURI, clock: integrations.clock)
    }

    func tokens(locks: RefreshLocks = RefreshLocks()) -> RefreshingTokenProvider {
        RefreshingTokenProvider(credentials: integrations.credentials(), client: client, locks: locks)
    }

    /// Registers a client at the provider (RFC 7591), which then insists on `method`
    /// (`client_secret_basic` or `client_secret_post`) and its own secret.
    func registerClient(method: String) throws -> (id: String, secret: String) {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        let body = #"{"redirect_uris": ["\#(Self.redirectURI)"], "token_endpoint_auth_method": "\#(method)"}"#
        let response = try client.send(
            ClientRequest(method: .post, url: try HTTPURL(provider.baseURL + "/oauth2/clients"), headers: headers, body: Array(body.utf8)))
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        guard let id = object?["client_id"] as? String, let secret = object?["client_secret"] as? String else {
            throw OAuthFixtureError("the provider did not register a client: \(response.status.code) \(response.bodyText.prefix(200))")
        }
        return (id, secret)
    }

    /// How many token requests the provider received, by grant type.
    func tokenRequests() throws -> [String: Int] {
        let response = try client.send(ClientRequest(url: try HTTPURL(provider.baseURL + "/test/token-requests")))
        return (try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Int]) ?? [:]
    }

    /// What a browser does at the provider: opens the authorization URL (its sign-in form),
    /// submits `form` (`sub=<user>` to sign in and allow, `action=deny` to refuse), and returns
    /// the query of the redirect to the callback.
    func visitProvider(_ authorizationURL: String, form: String = "sub=alice@example.test") throws -> [String: String] {
        let page = try client.send(ClientRequest(url: try HTTPURL(authorizationURL)))
        guard page.status.code == 200, page.bodyText.contains("<form") else {
            throw OAuthFixtureError("the provider did not show its sign-in form: \(page.status.code) \(page.bodyText.prefix(300))")
        }
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/x-www-form-urlencoded")
        // The form posts back to the page's own URL.
        let answer = try client.send(
            ClientRequest(method: .post, url: try HTTPURL(authorizationURL), headers: headers, body: Array(form.utf8)))
        guard answer.status.code == 302, let location = answer.headers["Location"], location.hasPrefix(Self.redirectURI) else {
            throw OAuthFixtureError("the provider did not redirect to the callback: \(answer.status.code) \(answer.bodyText.prefix(300))")
        }
        return Self.query(of: location)
    }

    /// Signs in at the provider for `start`'s URL and completes the flow as the callback would.
    func connect(
        _ integration: Integration, as user: User? = nil, session: String? = nil, returnPath: String = "/integrations",
        pendingActionID: String? = nil
    ) throws -> OAuthCompletion {
        let user = user ?? owner
        let session = session ?? (user.id == owner.id ? ownerSession : memberSession)
        let url = try flow().start(
            integrationID: integration.id, userID: user.id, sessionIDHash: session, returnPath: returnPath, pendingActionID: pendingActionID)
        let callback = try visitProvider(url)
        return try flow().complete(
            state: callback["state"] ?? "", code: callback["code"], error: callback["error"], errorDescription: callback["error_description"],
            sessionIDHash: session, userID: user.id)
    }

    /// The query parameters of a URL.
    static func query(of url: String) -> [String: String] {
        let items = URLComponents(string: url)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }
}

/// A fixture step that did not go as a provider should.
struct OAuthFixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
