import YAML

/// Alternates a model and a tool-running closure until the model replies, up to a number of steps.
///
/// The closure is where the agents layer plugs in the executor, confirmations and connect
/// prompts: it runs a read at once and returns ``ToolOutcome/completed(_:)`` with the redacted
/// result, or returns ``ToolOutcome/stop(reason:)`` for a write that needs confirming. The
/// closure only sees calls of a tool in `tools` with arguments that fit it
/// (``ToolDescription/checkedArguments(_:)``); any other call is answered to the model with
/// the reason, so it can correct itself or ask the person, within the step limit.
///
/// ```swift
/// let outcome = try ModelLoop(model: model, maximumSteps: 4).runTurn(conversation: history, tools: tools) { call in
///     executor.run(call)   // → .completed(result) or .stop(reason: "confirm")
/// }
/// ```
public struct ModelLoop: Sendable {
    /// The model.
    public var model: any LanguageModel
    /// The most model calls in one turn.
    public var maximumSteps: Int
    /// Writes the structured summaries of the turn's results.
    public var summarizer: ResultSummarizer

    /// Creates a loop; `maximumSteps` is at least 1.
    public init(model: any LanguageModel, maximumSteps: Int = 4, summarizer: ResultSummarizer = ResultSummarizer()) {
        self.model = model
        self.maximumSteps = max(1, maximumSteps)
        self.summarizer = summarizer
    }

    /// Runs one turn: `conversation` ends with the user's message (or with tool results, to
    /// resume after a confirmation); `runTool` runs each call the model makes, in order.
    public func runTurn(
        conversation: [ModelMessage], tools: [ToolDescription], runTool: (ToolCall) -> ToolOutcome
    ) throws(ModelError) -> TurnOutcome {
        var added: [ModelMessage] = []
        // A resumed turn starts with the results the caller added (a confirmed write): the reply rests on them too.
        var results: [ToolResult] = conversation.reversed().prefix { if case .tool = $0 { true } else { false } }.reversed()
            .compactMap { if case .tool(let result) = $0 { result } else { nil } }
        func outcome(_ ending: TurnOutcome.Ending) -> TurnOutcome {
            let summaries = results.map { result in summarizer.summary(of: result, tool: tools.first { $0.name == result.toolName }) }
            return TurnOutcome(ending: ending, messages: added, results: results, summaries: summaries)
        }
        for _ in 0..<maximumSteps {
            switch try model.respond(to: conversation + added, tools: tools) {
            case .text(let text):
                added.append(.assistant(text))
                return outcome(.reply(text))
            case .missingParameters(let request):
                added.append(.assistant(request.message))
                return outcome(.needsParameters(request))
            case .toolCalls(let calls):
                added.append(.assistant(text: "", toolCalls: calls))
                for (position, call) in calls.enumerated() {
                    guard let tool = tools.first(where: { $0.name == call.name }) else {
                        added.append(.tool(Self.refusal(call, "There is no tool named \(call.name).")))
                        continue
                    }
                    var checkedCall = call
                    do {
                        checkedCall.arguments = try tool.checkedArguments(call.arguments)
                    } catch {
                        // The model reads why and may correct the call, or ask the person.
                        added.append(.tool(Self.refusal(call, "Not run: \(error).")))
                        continue
                    }
                    switch runTool(checkedCall) {
                    case .completed(var result):
                        // The result answers this call whatever the closure wrote, so the
                        // conversation stays one the provider accepts.
                        result.callID = call.id
                        result.toolName = call.name
                        results.append(result)
                        added.append(.tool(result))
                    case .stop(let reason):
                        return outcome(.stopped(call: checkedCall, reason: reason, remainingCalls: Array(calls.dropFirst(position + 1))))
                    }
                }
            }
        }
        return outcome(.stepLimitReached)
    }

    private static func refusal(_ call: ToolCall, _ message: String) -> ToolResult {
        ToolResult(callID: call.id, toolName: call.name, content: .string(message), isError: true)
    }
}
