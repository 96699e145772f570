import YAML

/// What an API answered, shaped for a model and a person: redacted, parsed, within a budget.
public struct ActionResult: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// The reason phrase.
    public var reason: String
    /// The useful response headers (content type, location, retry-after, rate limits, request
    /// id…), redacted.
    public var headers: [NameValue]
    /// The body parsed, when it is JSON and fits the budget whole.
    public var json: OrderedValue?
    /// The body as text (compact JSON when it parsed), redacted, cut to the budget.
    public var bodyText: String
    /// How many bytes of the body text were left out (0 when it fit).
    public var omittedBytes: Int
    /// "The response was truncated: …", or a note that a binary body is not shown.
    public var note: String?
    /// How long the call took, in milliseconds.
    public var durationMilliseconds: Int

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// How running an action ended.
public enum ActionOutcome: Sendable, Hashable {
    /// The API answered (any status).
    case completed(ActionResult)
    /// Per-user scope and this user has not connected (or their OAuth connection must be
    /// renewed); show a connect card for the integration, then run again.
    case needsConnection(integrationID: String, integrationName: String)
    /// The arguments do not fit the operation; the problems say how to fix them.
    case invalidArguments([ArgumentProblem])
    /// No answer: refused by the egress policy, unreachable, timed out, too large. The message
    /// is for an admin, redacted.
    case failed(String)
}

/// What would be sent, secrets replaced by `[redacted]`: the confirmation card's content.
public struct RequestPreview: Sendable, Hashable {
    /// The method.
    public var method: String
    /// The URL (an API key in the query shown as `[redacted]`).
    public var url: String
    /// The header fields (credential headers' values shown as `[redacted]`).
    public var headers: [NameValue]
    /// The body as text.
    public var body: String
    /// The action's name.
    public var actionName: String
    /// Whether it writes (needs confirmation).
    public var isWrite: Bool
}
