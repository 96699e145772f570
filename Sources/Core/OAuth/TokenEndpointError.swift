import HTTPCore

/// Why a token request (code exchange or refresh) failed. Messages never hold tokens.
public enum TokenEndpointError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The token URL cannot be used.
    case invalidURL(String)
    /// The request did not reach the provider or its answer did not arrive.
    case transport(String)
    /// The provider answered with an error (RFC 6749 §5.2): `invalid_grant`, `invalid_client`…
    case refused(error: String, description: String?, status: Int)
    /// The provider answered something that is not a token response.
    case unreadableResponse(status: Int, reason: String)

    /// Whether the grant itself is dead (the refresh token was revoked, expired or rotated
    /// away): the user has to connect again. Other failures may pass.
    public var meansReconnection: Bool {
        if case .refused(let error, _, _) = self { return error == "invalid_grant" || error == "unauthorized_client" }
        return false
    }

    /// Whether the provider refused the client itself (RFC 6749 §5.2: `invalid_client`, a wrong
    /// or revoked secret; `unauthorized_client`, the grant is not allowed for it): an admin has
    /// to fix the integration's client settings.
    public var rejectsClient: Bool {
        if case .refused(let error, _, _) = self { return error == "invalid_client" || error == "unauthorized_client" }
        return false
    }

    /// A sentence saying what happened.
    public var description: String {
        switch self {
        case .invalidURL(let reason): "the token URL cannot be used (\(reason))."
        case .transport(let reason): "the token endpoint could not be reached (\(reason))."
        case .refused(let error, let description, let status):
            "the token endpoint answered \(status) \(error)" + (description.map { ": \($0)" } ?? ".")
        case .unreadableResponse(let status, let reason): "the token endpoint's answer (status \(status)) cannot be read: \(reason)."
        }
    }
}
