/// Supplies OAuth 2.0 access tokens to the executor; the OAuth issue implements refreshing.
///
/// The contract the executor relies on:
/// - `accessToken(for:forceRefresh: false)` returns a token valid for at least another minute,
///   refreshing first when the stored one expires sooner (one refresh at a time per credential,
///   committed with ``CredentialStore/saveOAuthTokens(integrationID:userID:tokens:expectedVersion:by:)``);
/// - after a 401 the executor asks once more with `forceRefresh: true` and retries the call once;
/// - nil means there is no usable connection (never connected, or a refresh failed and the
///   connection was marked with ``CredentialStore/markNeedsReconnection(integrationID:userID:by:)``):
///   the executor answers ``ActionOutcome/needsConnection(integrationID:integrationName:)``;
/// - so the executor asks even when nothing is stored: a Global integration using the
///   client-credentials grant (``OAuthClientSettings/Grant/clientCredentials``) has no one to
///   connect, and its provider fetches the first token itself.
public protocol TokenProvider: Sendable {
    /// A usable access token for the connection of `userID` (nil: the company's), or nil.
    func accessToken(for request: AccessTokenRequest, forceRefresh: Bool) throws -> String?
}

/// Which connection needs a token, with the client settings a refresh needs.
public struct AccessTokenRequest: Sendable, Hashable {
    /// The integration.
    public var integrationID: String
    /// The member whose connection it is; nil for the company's (global scope).
    public var userID: String?
    /// The OAuth client's settings (token URL, client id, endpoint authentication).
    public var settings: OAuthClientSettings

    /// Names a connection (public so callers besides the executor can ask for a token).
    public init(integrationID: String, userID: String?, settings: OAuthClientSettings) {
        self.integrationID = integrationID
        self.userID = userID
        self.settings = settings
    }
}

/// The provider used until OAuth refreshing exists: the stored access token while it is valid
/// for another minute, else nil (the user is asked to connect again). It never refreshes.
public struct StoredTokenProvider: TokenProvider {
    /// Where the tokens are.
    public let credentials: CredentialStore

    /// Creates a provider over a company's credential store.
    public init(credentials: CredentialStore) {
        self.credentials = credentials
    }

    /// The stored token when valid for at least 60 seconds more; nil when forced to refresh.
    public func accessToken(for request: AccessTokenRequest, forceRefresh: Bool) throws -> String? {
        guard !forceRefresh, let stored = try credentials.oauthTokens(integrationID: request.integrationID, userID: request.userID),
            !stored.needsReconnection
        else { return nil }
        if let expiresAt = stored.tokens.expiresAt, expiresAt.timeIntervalSince(credentials.clock.now()) < 60 { return nil }
        return stored.tokens.accessToken
    }
}
