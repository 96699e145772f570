/// Why the OAuth flow could not start or complete; each case has a message safe to show.
public enum OAuthFlowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The return path is not a path on this server (absolute URL, `//host`, backslashes,
    /// control characters): refused so the callback can never redirect elsewhere.
    case invalidReturnPath
    /// The integration does not connect with OAuth 2.0.
    case notOAuth
    /// No state like this was issued for this company: forged, tampered with, or cut short.
    case unknownState
    /// The state was already used once (a replayed callback).
    case stateAlreadyUsed
    /// The state is older than ten minutes.
    case stateExpired
    /// The state was issued to another signed-in user.
    case stateOfAnotherUser
    /// The state was issued to another session of this user (another browser).
    case stateOfAnotherSession
    /// The callback carried neither a code nor an error.
    case missingCode
    /// The token endpoint did not give tokens for the code.
    case tokenExchangeFailed(TokenEndpointError)

    /// The message for the page.
    public var description: String {
        switch self {
        case .invalidReturnPath: "The return address must be a path on this server."
        case .notOAuth: "This integration does not connect with OAuth 2.0."
        case .unknownState: "This sign-in link is not valid. Start connecting again."
        case .stateAlreadyUsed: "This sign-in link was already used. Start connecting again."
        case .stateExpired: "This sign-in link expired (they last ten minutes). Start connecting again."
        case .stateOfAnotherUser: "This sign-in link was started by another user. Start connecting again."
        case .stateOfAnotherSession: "This sign-in link was started in another browser session. Start connecting again."
        case .missingCode: "The provider sent no authorization code. Start connecting again."
        case .tokenExchangeFailed(let error): "The provider did not give a token: \(error)"
        }
    }
}
