import Web

/// What a Switchboard handler knows about the request it serves, passed by value.
///
/// The accounts layer adds the session, user, company and role as its middleware fills them.
public struct AppRequestContext: RequestContext {
    public let requestID: String

    public init(requestID: String) {
        self.requestID = requestID
    }
}
