import Foundation
import HTTPCore
import YAML

/// An OAuth client talking to a provider's token endpoint: the authorization code exchange
/// (RFC 6749 §4.1.3, with the PKCE verifier of RFC 7636 §4.5), the refresh (RFC 6749 §6) and
/// the client-credentials grant (RFC 6749 §4.4).
struct TokenEndpoint: Sendable {
    /// Sends the requests (the egress-guarded ``HTTPClient`` in production).
    let client: any HTTPSending
    /// Token URL, client id and how the client authenticates.
    let settings: OAuthClientSettings
    /// The client secret; nil for a public client, which sends only its id.
    let clientSecret: String?
    /// The time `expires_in` counts from.
    let clock: WallClock

    /// The largest token response read; real ones are a few kilobytes.
    static let maximumResponseBytes = 256 * 1024

    /// Exchanges an authorization code for tokens; scopes the provider does not echo are the
    /// ones asked for (RFC 6749 §5.1: `scope` is optional when identical).
    func exchange(code: String, redirectURI: String, codeVerifier: String) throws(TokenEndpointError) -> OAuthTokens {
        try request(
            [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", codeVerifier)],
            defaultScopes: settings.scopes.isEmpty ? nil : settings.scopes.joined(separator: " "))
    }

    /// Refreshes; a response without a refresh token keeps the old one (no rotation), and
    /// without `scope` keeps the granted scopes.
    func refresh(_ tokens: OAuthTokens) throws(TokenEndpointError) -> OAuthTokens {
        guard let refreshToken = tokens.refreshToken else {
            throw .refused(error: "invalid_grant", description: "No refresh token is stored.", status: 0)
        }
        var fresh = try request([("grant_type", "refresh_token"), ("refresh_token", refreshToken)], defaultScopes: tokens.scopes)
        if fresh.refreshToken == nil { fresh.refreshToken = refreshToken }
        return fresh
    }

    /// Asks for a token with the client's own credentials (RFC 6749 §4.4.2), for the configured
    /// scopes (space-joined; left out when there are none); no code, no refresh token needed.
    func clientCredentials() throws(TokenEndpointError) -> OAuthTokens {
        let scopes = settings.scopes.isEmpty ? nil : settings.scopes.joined(separator: " ")
        return try request([("grant_type", "client_credentials")] + (scopes.map { [("scope", $0)] } ?? []), defaultScopes: scopes)
    }

    private func request(_ grant: [(String, String)], defaultScopes: String?) throws(TokenEndpointError) -> OAuthTokens {
        let url: HTTPURL
        do { url = try HTTPURL(settings.tokenURL) } catch { throw .invalidURL("\(error)") }
        var parameters = grant
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/x-www-form-urlencoded")
        headers.add("Accept", "application/json")
        switch (settings.tokenEndpointAuthentication, clientSecret) {
        case (.basicHeader, let secret?):
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
            let pair = PercentEncoding.encode(settings.clientID) + ":" + PercentEncoding.encode(secret)
            headers.add("Authorization", "Basic " + Data(pair.utf8).base64EncodedString())
        case (.requestBody, let secret?):
            parameters += [("client_id", settings.clientID), ("client_secret", secret)]
        case (_, nil):
            parameters.append(("client_id", settings.clientID))
        }
        let response: ClientResponse
        do {
            response = try client.send(
                ClientRequest(
                    method: .post, url: url, headers: headers, body: Array(FormURLEncoding.encode(parameters).utf8),
                    maxResponseBodyBytes: Self.maximumResponseBytes))
        } catch {
            throw .transport(error.description)
        }
        let fields = Self.fields(of: response)
        guard (200..<300).contains(response.status.code) else {
            guard let error = fields["error"], !error.isEmpty else {
                throw .unreadableResponse(status: response.status.code, reason: "no error code in the answer")
            }
            throw .refused(error: error, description: fields["error_description"].map { String($0.prefix(300)) }, status: response.status.code)
        }
        guard let accessToken = fields["access_token"], !accessToken.isEmpty else {
            throw .unreadableResponse(status: response.status.code, reason: "no access_token")
        }
        if let type = fields["token_type"], type.lowercased() != "bearer" {
            throw .unreadableResponse(status: response.status.code, reason: "token type \(type.prefix(40)) is not Bearer")
        }
        var expiresAt: Date?
        if let text = fields["expires_in"] {
            guard let seconds = Double(text), seconds.isFinite, seconds >= 0 else {
                throw .unreadableResponse(status: response.status.code, reason: "expires_in is not a number of seconds")
            }
            expiresAt = clock.now().addingTimeInterval(seconds)
        }
        let refreshToken = fields["refresh_token"].flatMap { $0.isEmpty ? nil : $0 }
        let scopes = fields["scope"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultScopes
        return OAuthTokens(accessToken: accessToken, refreshToken: refreshToken, expiresAt: expiresAt, scopes: scopes)
    }

    /// The response's top-level fields as text: a JSON object (RFC 6749 §5.1), or a form body
    /// for providers that answer `application/x-www-form-urlencoded` (GitHub without `Accept`).
    static func fields(of response: ClientResponse) -> [String: String] {
        let contentType = response.headers["Content-Type"]?.lowercased() ?? ""
        if contentType.contains("application/x-www-form-urlencoded") {
            return Dictionary(FormURLEncoding.decode(response.bodyText), uniquingKeysWith: { first, _ in first })
        }
        guard case .object(let object)? = try? JSONReader().read(response.body) else { return [:] }
        var fields: [String: String] = [:]
        for entry in object.entries {
            switch entry.value {
            case .string(let text): fields[entry.key] = text
            case .int(let number): fields[entry.key] = String(number)
            case .double(let number): fields[entry.key] = String(number)
            default: continue
            }
        }
        return fields
    }
}
