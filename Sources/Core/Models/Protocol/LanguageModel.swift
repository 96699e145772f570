/// A language model that drives an agent turn: it picks tools and writes replies.
///
/// Synchronous on purpose: agent turns run on the server's worker threads, and the HTTP client
/// a provider uses blocks in `poll`; never call a model from Swift's cooperative pool.
///
/// The credential contract: nothing given to a model may contain a credential. Tool results in
/// the conversation (``ToolResult/content``) are redacted by the executor before they get here
/// (tokens, passwords, header values and client secrets replaced), and tool descriptions are
/// built from the operation alone, never from an integration's credentials. A model may send
/// what it is given to an outside service, so it must only ever be given what may leave.
///
/// ```swift
/// let model: any LanguageModel = OfflineModel()
/// switch try model.respond(to: [.user("What's the status of order 42?")], tools: tools) {
/// case .toolCalls(let calls): ...        // run them (see ModelLoop), then ask again
/// case .missingParameters(let request): ... // show a small form
/// case .text(let reply): ...
/// }
/// ```
public protocol LanguageModel: Sendable {
    /// The model's next turn in `conversation`, choosing among `tools` (the agent's enabled actions).
    ///
    /// When the conversation ends with tool results, the turn is the reply written from them
    /// (or, for a provider, possibly further tool calls).
    func respond(to conversation: [ModelMessage], tools: [ToolDescription]) throws(ModelError) -> ModelTurn

    /// The reply to one tool result: a headline the model writes, with the key fields, a table for
    /// lists and the raw JSON for the web layer to render.
    ///
    /// `conversation` is what led to the call (its last messages may already hold the result).
    func summarize(
        result: ToolResult, of tool: ToolDescription?, conversation: [ModelMessage]
    ) throws(ModelError) -> Summary
}
