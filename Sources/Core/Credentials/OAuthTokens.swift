import Foundation

/// The tokens of an OAuth 2.0 connection (RFC 6749 §5.1), as the OAuth flow stores them.
public struct OAuthTokens: Sendable, Hashable {
    /// The access token sent as `Authorization: Bearer`.
    public var accessToken: String
    /// The refresh token, when the provider gave one.
    public var refreshToken: String?
    /// When the access token expires, when the provider said (`expires_in`).
    public var expiresAt: Date?
    /// The scopes granted, space-separated as in RFC 6749 §3.3.
    public var scopes: String?

    /// Creates tokens.
    public init(accessToken: String, refreshToken: String? = nil, expiresAt: Date? = nil, scopes: String? = nil) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.scopes = scopes
    }
}

/// Stored OAuth tokens with what a refresh needs to commit safely.
public struct StoredOAuthTokens: Sendable, Hashable {
    /// The tokens.
    public var tokens: OAuthTokens
    /// Bumped by every save: a refresh saves with the version it read, and loses if another
    /// refresh got there first (issue 9's optimistic refresh).
    public var version: Int
    /// Whether a refresh failed and the user must connect again.
    public var needsReconnection: Bool
}
