/// What the one OAuth callback route shows after ``OAuthFlow/complete(state:code:error:errorDescription:sessionIDHash:userID:)``.
public enum OAuthCompletion: Sendable, Hashable {
    /// The tokens are stored: go back to where the user was (and resume the pending action).
    case connected(OAuthReturn)
    /// The provider said no (`error=access_denied` and others, RFC 6749 §4.1.2.1): show why,
    /// and offer to try again from where the user was.
    case refused(OAuthProviderRefusal, OAuthReturn)
}

/// Where the user goes after the callback: what the state was bound to.
public struct OAuthReturn: Sendable, Hashable {
    /// The integration that was connected (or that the provider refused).
    public var integrationID: String
    /// A path on this server (always relative: `/…`, never `//…`).
    public var returnPath: String
    /// The agent's pending action to resume, when connecting interrupted one.
    public var pendingActionID: String?

    /// Creates a destination.
    public init(integrationID: String, returnPath: String, pendingActionID: String? = nil) {
        self.integrationID = integrationID
        self.returnPath = returnPath
        self.pendingActionID = pendingActionID
    }
}

/// The provider's error redirect (RFC 6749 §4.1.2.1), made fit to show on a page.
public struct OAuthProviderRefusal: Sendable, Hashable {
    /// The error code: `access_denied`, `invalid_scope`, `server_error`…
    public var error: String
    /// The provider's `error_description`, at most 300 characters, when it sent one.
    public var description: String?

    /// A sentence for the page: the denial in plain words, else the code and description.
    public var message: String {
        if error == "access_denied" { return "The connection was not allowed at the provider." }
        return "The provider refused the connection (\(error))" + (description.map { ": \($0)" } ?? ".")
    }

    /// Creates a refusal from the callback's `error` and `error_description`, cut to length.
    public init(error: String, description: String?) {
        self.error = String(error.prefix(100))
        self.description = description.flatMap { $0.isEmpty ? nil : String($0.prefix(300)) }
    }
}
