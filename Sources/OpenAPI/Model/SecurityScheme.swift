/// How an API authenticates, enough to pre-fill an integration's authentication form.
public struct SecurityScheme: Sendable, Hashable, Codable {
    /// Where an API key goes.
    public enum APIKeyLocation: String, Sendable, Hashable, Codable {
        case header, query, cookie
    }

    /// One OAuth 2.0 flow's endpoints and scopes.
    public struct OAuthFlow: Sendable, Hashable, Codable {
        /// The authorization endpoint (authorization code and implicit flows).
        public var authorizationURL: String?
        /// The token endpoint (authorization code, client credentials and password flows).
        public var tokenURL: String?
        /// The refresh endpoint, when different from the token endpoint.
        public var refreshURL: String?
        /// The scopes, in document order, with their descriptions.
        public var scopes: [Scope]

        /// Creates a flow.
        public init(authorizationURL: String?, tokenURL: String?, refreshURL: String?, scopes: [Scope]) {
            self.authorizationURL = authorizationURL
            self.tokenURL = tokenURL
            self.refreshURL = refreshURL
            self.scopes = scopes
        }
    }

    /// An OAuth scope and what it grants.
    public struct Scope: Sendable, Hashable, Codable {
        /// The scope as sent to the provider.
        public var name: String
        /// What the document says it grants.
        public var description: String

        /// Creates a scope.
        public init(name: String, description: String) {
            self.name = name
            self.description = description
        }
    }

    /// The OAuth 2.0 flows a scheme offers (OpenAPI 3 names; Swagger 2.0's `accessCode` is
    /// `authorizationCode`, its `application` is `clientCredentials`).
    public struct OAuthFlows: Sendable, Hashable, Codable {
        /// The authorization code flow (RFC 6749 §4.1), used with PKCE for users' own accounts.
        public var authorizationCode: OAuthFlow?
        /// The client credentials flow (RFC 6749 §4.4), for machine-to-machine access.
        public var clientCredentials: OAuthFlow?
        /// The implicit flow (RFC 6749 §4.2), deprecated by OAuth 2.0 Security BCP; listed, not used.
        public var implicit: OAuthFlow?
        /// The resource owner password flow (RFC 6749 §4.3); listed, not used.
        public var password: OAuthFlow?

        /// Creates flows.
        public init(
            authorizationCode: OAuthFlow? = nil, clientCredentials: OAuthFlow? = nil, implicit: OAuthFlow? = nil,
            password: OAuthFlow? = nil
        ) {
            self.authorizationCode = authorizationCode
            self.clientCredentials = clientCredentials
            self.implicit = implicit
            self.password = password
        }
    }

    /// The kind of scheme and its settings.
    public enum Kind: Sendable, Hashable, Codable {
        /// A key sent in a header, query parameter or cookie of the given name.
        case apiKey(name: String, location: APIKeyLocation)
        /// HTTP authentication (RFC 9110 §11): `scheme` is lowercased, "bearer" or "basic" usually.
        case http(scheme: String, bearerFormat: String?)
        /// OAuth 2.0 with the flows it offers.
        case oauth2(OAuthFlows)
        /// OpenID Connect discovery.
        case openIDConnect(url: String)
        /// Mutual TLS (OpenAPI 3.1).
        case mutualTLS
    }

    /// The scheme's name: its key in the document, used by security requirements.
    public var name: String
    /// The kind and its settings.
    public var kind: Kind
    /// `description`.
    public var description: String?

    /// Creates a scheme.
    public init(name: String, kind: Kind, description: String?) {
        self.name = name
        self.kind = kind
        self.description = description
    }
}
