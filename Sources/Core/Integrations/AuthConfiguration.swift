/// How an integration authenticates, without its secrets: what `integrations.auth_config` holds.
///
/// The secret half of each method (token, password, header values, client secret…) lives only
/// in ``CredentialSecrets``, sealed by the vault into `credentials`.
public enum AuthConfiguration: Sendable, Hashable {
    /// No credentials are sent.
    case none
    /// `Authorization: Bearer <token>` (RFC 6750 §2.1); the token is a secret.
    case bearer
    /// `Authorization: Basic …` (RFC 7617): from a username and password, or, when
    /// `preEncoded` is set, from the already base64-encoded `user:password` the admin pasted.
    case basic(preEncoded: Bool)
    /// One header per name (an `X-API-Key`, say); the values are secrets.
    case customHeaders([String])
    /// An API key sent as the query parameter `name` (an OpenAPI `apiKey` scheme `in: query`);
    /// the key is a secret (``CredentialSecrets/token``).
    case apiKeyQuery(String)
    /// OAuth 2.0 (authorization code flow, or client credentials for Global scope); the client
    /// secret and static header values are secrets.
    case oauth2(OAuthClientSettings)

    /// The `integrations.auth_method` column: `none`, `bearer`, `basic`, `headers`, `oauth2`.
    ///
    /// An API key in the query is stored as `headers` with its own `auth_config` kind: migration
    /// 0001's CHECK lists five methods, and rebuilding a table that others reference with
    /// `ON DELETE CASCADE` inside a migration transaction would delete their rows.
    public var methodColumn: String {
        switch self {
        case .none: "none"
        case .bearer: "bearer"
        case .basic: "basic"
        case .customHeaders, .apiKeyQuery: "headers"
        case .oauth2: "oauth2"
        }
    }

    /// A short name for lists: "None", "Bearer token", "Basic auth", "Custom headers",
    /// "API key in query", "OAuth 2.0".
    public var label: String {
        switch self {
        case .none: "None"
        case .bearer: "Bearer token"
        case .basic: "Basic auth"
        case .customHeaders: "Custom headers"
        case .apiKeyQuery: "API key in query"
        case .oauth2: "OAuth 2.0"
        }
    }

    /// Whether a connection (the company's, or each member's) needs secrets at all.
    public var needsConnectionSecrets: Bool {
        if case .none = self { return false }
        return true
    }
}

/// The non-secret settings of an OAuth 2.0 client (RFC 6749).
///
/// Stored as JSON in `integrations.auth_config`; JSON written before ``grant`` existed has no
/// `grant` key and reads as the authorization code grant.
public struct OAuthClientSettings: Sendable, Hashable, Codable {
    /// How the integration gets its tokens.
    public enum Grant: String, Sendable, Hashable, Codable, CaseIterable {
        /// A person signs in at the provider (RFC 6749 §4.1, with PKCE): Global or Per-user scope.
        case authorizationCode = "authorization_code"
        /// Switchboard asks for tokens with the client's own credentials (RFC 6749 §4.4):
        /// machine-to-machine APIs, Global scope only; no authorization URL, no refresh token.
        case clientCredentials = "client_credentials"
    }

    /// How the client authenticates at the token endpoint (RFC 6749 §2.3.1).
    public enum TokenEndpointAuthentication: String, Sendable, Hashable, Codable {
        /// HTTP Basic with the client id and secret.
        case basicHeader = "basic_header"
        /// `client_id` and `client_secret` in the form body.
        case requestBody = "request_body"
    }

    /// The authorization endpoint.
    public var authorizationURL: String
    /// The token endpoint.
    public var tokenURL: String
    /// The client id.
    public var clientID: String
    /// The scopes asked for.
    public var scopes: [String]
    /// Extra parameters added to the authorization request (`audience`, `prompt`…), in order.
    public var extraAuthorizationParameters: [NameValue]
    /// Headers sent with every call besides the access token; their values are secrets.
    public var staticHeaderNames: [String]
    /// How the client authenticates at the token endpoint.
    public var tokenEndpointAuthentication: TokenEndpointAuthentication
    /// How the tokens are obtained.
    public var grant: Grant

    /// Creates settings.
    public init(
        authorizationURL: String, tokenURL: String, clientID: String, scopes: [String] = [],
        extraAuthorizationParameters: [NameValue] = [], staticHeaderNames: [String] = [],
        tokenEndpointAuthentication: TokenEndpointAuthentication = .basicHeader, grant: Grant = .authorizationCode
    ) {
        self.authorizationURL = authorizationURL
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.scopes = scopes
        self.extraAuthorizationParameters = extraAuthorizationParameters
        self.staticHeaderNames = staticHeaderNames
        self.tokenEndpointAuthentication = tokenEndpointAuthentication
        self.grant = grant
    }

    /// Reads stored settings; a missing `grant` (settings saved before it existed) is the
    /// authorization code grant.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        authorizationURL = try container.decode(String.self, forKey: .authorizationURL)
        tokenURL = try container.decode(String.self, forKey: .tokenURL)
        clientID = try container.decode(String.self, forKey: .clientID)
        scopes = try container.decode([String].self, forKey: .scopes)
        extraAuthorizationParameters = try container.decode([NameValue].self, forKey: .extraAuthorizationParameters)
        staticHeaderNames = try container.decode([String].self, forKey: .staticHeaderNames)
        tokenEndpointAuthentication = try container.decode(TokenEndpointAuthentication.self, forKey: .tokenEndpointAuthentication)
        grant = try container.decodeIfPresent(Grant.self, forKey: .grant) ?? .authorizationCode
    }
}

/// A name and a value, in a list where order matters and names may repeat.
public struct NameValue: Sendable, Hashable, Codable {
    /// The name.
    public var name: String
    /// The value.
    public var value: String

    /// Creates a pair.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
