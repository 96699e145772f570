/// How an agent turn in ``ModelLoop`` ended, with the messages it added to the conversation.
public struct TurnOutcome: Sendable, Hashable {
    /// Why the turn ended.
    public enum Ending: Sendable, Hashable {
        /// The model replied; `summaries` hold one structured summary per result of the turn.
        case reply(String)
        /// A tool was chosen but required parameters are missing: show the form.
        case needsParameters(ParameterRequest)
        /// The tool-running closure stopped at `call` (a confirmation or a connection is needed).
        /// `remainingCalls` are the calls of the same model step after it, not yet run: resume by
        /// appending a result for `call` and for each of them, then run the loop again.
        case stopped(call: ToolCall, reason: String, remainingCalls: [ToolCall])
        /// The model asked for tools in every allowed step; the results so far are in `results`.
        case stepLimitReached
    }

    /// Why the turn ended.
    public var ending: Ending
    /// The messages the turn added (assistant tool calls and tool results, and the final
    /// assistant reply), to store after the conversation given to the loop.
    public var messages: [ModelMessage]
    /// The results the reply rests on, in order: those ending the conversation given to the
    /// loop (a turn resumed after a confirmation) and those of the tools run in this turn.
    public var results: [ToolResult]
    /// A structured summary of each result (key fields, tables, raw JSON) for its card.
    public var summaries: [Summary]

    /// Creates an outcome.
    public init(ending: Ending, messages: [ModelMessage], results: [ToolResult], summaries: [Summary]) {
        self.ending = ending
        self.messages = messages
        self.results = results
        self.summaries = summaries
    }
}
