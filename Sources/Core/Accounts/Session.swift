import Foundation

/// A signed-in browser: who, in which company, and the token its forms must carry.
public struct Session: Sendable, Equatable {
    /// SHA-256 (hex) of the cookie's token; the token itself is never stored.
    public var idHash: String
    public var userID: String
    /// The company the user is working in, nil until they belong to one.
    public var companyID: String?
    /// Every state-changing form sends this back (CSRF).
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date
}
