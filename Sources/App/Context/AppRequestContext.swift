import Core
import HTTPCore
import Web

/// What a Switchboard handler knows about the request it serves, passed by value.
///
/// The session middleware fills the signed-in part; the role guard relies on `membership`.
public struct AppRequestContext: RequestContext {
    public let requestID: String
    /// The session from the cookie, when it is live.
    public var session: Session?
    public var user: User?
    /// The user's place in the session's current company.
    public var membership: Membership?
    /// Every company the user belongs to (for the switcher).
    public var memberships: [Membership] = []
    /// The token forms must send back: the session's, or the pre-session cookie's before sign-in.
    public var csrfToken = ""
    /// A message carried over from the previous request (after a redirect).
    public var flash: Flash?
    /// Cookies the middleware wants set on the way out (a new pre-session CSRF token, a cleared flash).
    public var outgoingCookies: [SetCookie] = []
    /// The client's address, for throttling and the audit log.
    public var clientAddress = ""
    /// The request's path, for marking the current page in the navigation.
    public var requestPath = "/"
    /// Where this server is reached, for links people copy (invitations): the configured public
    /// URL, else the address the browser used.
    public var baseURL = ""

    public init(requestID: String) {
        self.requestID = requestID
    }

    /// The company the request works in; a 404 when there is none (only after the role guard).
    public var company: Company? { membership?.company }
    public var role: Role? { membership?.role }

    /// The actor for the audit log.
    public var actor: Actor {
        Actor(kind: .user, userID: user?.id, agentID: nil, clientAddress: clientAddress, requestID: requestID)
    }
}

/// A one-time message shown on the next page.
public struct Flash: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case success, error, info, warning
    }

    public var kind: Kind
    public var message: String
    /// A link to show with the message in a field easy to copy (a new invitation's).
    public var link: String?

    public init(_ kind: Kind, _ message: String, link: String? = nil) {
        self.kind = kind
        self.message = message
        self.link = link
    }
}
