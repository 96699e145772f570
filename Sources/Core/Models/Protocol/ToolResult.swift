import YAML

/// What running a tool call produced, as a model may see it.
///
/// The executor builds it and redacts it first: `content` never holds a credential (see
/// ``LanguageModel``). A failed or declined run is a result too, so the model can say so.
public struct ToolResult: Sendable, Hashable, Codable {
    /// The id of the call this answers.
    public var callID: String
    /// The tool's function name.
    public var toolName: String
    /// The HTTP status of the action's response, when it ran.
    public var status: Int?
    /// The response body as JSON (a JSON string for a text body), or a message such as
    /// "The user declined."; already redacted and capped by the executor.
    public var content: OrderedValue
    /// Whether the run failed (an error status, a refused connection, a decline).
    public var isError: Bool

    /// Creates a result; `isError` defaults to whether `status` is 400 or more.
    public init(callID: String, toolName: String, status: Int? = nil, content: OrderedValue, isError: Bool? = nil) {
        self.callID = callID
        self.toolName = toolName
        self.status = status
        self.content = content
        self.isError = isError ?? ((status ?? 200) >= 400)
    }
}
