import YAML

/// The built-in model: deterministic, no outside service, the default.
///
/// For the person's last message it picks the best of the agent's tools by the words they share
/// (see ``ToolMatcher``), takes the arguments from the message (ids, numbers, quoted text,
/// emails, dates, `name=value`, "order 1234", "120 EUR", "for ACME"), asks for the required
/// ones it could not find (a short answer is then read with the question's message), reads
/// "orders 42 and 43" as one read call each, and after a result writes a ``Summary`` with
/// ``ResultSummarizer``.
/// When no tool fits it says so plainly and names a few things it can do.
///
/// ```swift
/// let turn = OfflineModel().respond(to: [.user("What's the status of order 42?")], tools: tools)
/// // .toolCalls([ToolCall(id: "offline-1-1", name: "getOrder", arguments: ["orderId": 42])])
/// ```
public struct OfflineModel: LanguageModel {
    /// How many tool titles a "no tool fits" answer lists.
    public var suggestionCount: Int
    /// How much of a message is read: a request to an API fits in far less, and the bound keeps
    /// a pasted novel from costing more than a sentence.
    public var maximumMessageCharacters: Int
    /// Writes the summaries of results.
    public var summarizer: ResultSummarizer

    /// Creates the model.
    public init(suggestionCount: Int = 5, maximumMessageCharacters: Int = 4_000, summarizer: ResultSummarizer = ResultSummarizer()) {
        self.suggestionCount = suggestionCount
        self.maximumMessageCharacters = maximumMessageCharacters
        self.summarizer = summarizer
    }

    /// Picks a tool for the last user message, or replies from the trailing tool results.
    public func respond(to conversation: [ModelMessage], tools: [ToolDescription]) -> ModelTurn {
        let results = conversation.reversed().prefix { if case .tool = $0 { true } else { false } }
        if !results.isEmpty {
            let headlines = results.reversed().compactMap { message -> String? in
                guard case .tool(let result) = message else { return nil }
                return summarizer.summary(of: result, tool: tools.first { $0.name == result.toolName }).headline
            }
            return .text(headlines.joined(separator: "\n"))
        }
        guard tools.isEmpty == false else {
            return .text("No actions are enabled for this agent yet. An admin can switch some on in the agent's Tools settings.")
        }
        let lastUserMessage = conversation.last { if case .user = $0 { true } else { false } }
        guard case .user(let fullMessage) = lastUserMessage else { return .text(capabilities(tools, lead: "How can I help?")) }
        let message = String(fullMessage.prefix(maximumMessageCharacters))
        guard let match = ToolMatcher(message: message).rank(tools).first ?? followUpMatch(conversation, tools: tools) else {
            return .text(capabilities(tools, lead: "None of the enabled actions fits that request."))
        }
        let idPrefix = "offline-\(conversation.count)-"
        let call = ToolCall(id: idPrefix + "1", name: match.tool.name, arguments: match.arguments.arguments)
        let missing = match.tool.parameters.filter { $0.isRequired && call.arguments[$0.name] == nil }
        guard missing.isEmpty else {
            let labels = missing.map(\.label).joined(separator: ", ")
            let message = "To \(match.tool.title.actionPhrase), I need: \(labels)."
            return .missingParameters(ParameterRequest(call: call, toolTitle: match.tool.title, missing: missing, message: message))
        }
        return .toolCalls(calls(repeating: call, of: match, idPrefix: idPrefix))
    }

    /// "orders 42, 43 and 44" asks for one read per order: the call repeated with each further
    /// reference in the path parameter the first one filled (at most ten calls).
    private func calls(repeating call: ToolCall, of match: ToolMatcher.Match, idPrefix: String) -> [ToolCall] {
        let tool = match.tool
        let references = match.clues.compactMap { clue -> (noun: String, value: String)? in
            if case .reference(let noun, let value) = clue { (noun, value) } else { nil }
        }
        let paths = tool.parameters.filter { $0.location == .path && call.arguments[$0.name] != nil }
        guard tool.access == .read, paths.count == 1, let path = paths.first, let first = references.first,
            let filled = call.arguments[path.name], (try? path.value(fromText: first.value)) == filled
        else { return [call] }
        var values = [filled]
        for reference in references.dropFirst() where reference.noun == first.noun {
            if let value = try? path.value(fromText: reference.value), !values.contains(value) { values.append(value) }
        }
        return values.prefix(10).enumerated().map { position, value in
            var repeated = call
            repeated.id = idPrefix + String(position + 1)
            repeated.arguments[path.name] = value
            return repeated
        }
    }

    /// The summary of `result`; the conversation does not change it.
    public func summarize(result: ToolResult, of tool: ToolDescription?, conversation: [ModelMessage]) -> Summary {
        summarizer.summary(of: result, tool: tool)
    }

    /// A message that fits no tool on its own may answer the model's last question ("42" after
    /// "To get the order, I need: Order ID."): it is read together with the user's message before.
    private func followUpMatch(_ conversation: [ModelMessage], tools: [ToolDescription]) -> ToolMatcher.Match? {
        let userMessages = conversation.enumerated().compactMap { position, message -> (Int, String)? in
            if case .user(let text) = message { (position, text) } else { nil }
        }
        guard userMessages.count >= 2, let (lastPosition, last) = userMessages.last, lastPosition > 0,
            case .assistant(_, let calls) = conversation[lastPosition - 1], calls.isEmpty
        else { return nil }
        let (_, previous) = userMessages[userMessages.count - 2]
        let combined = previous.prefix(maximumMessageCharacters) + "\n" + last.prefix(maximumMessageCharacters)
        return ToolMatcher(message: String(combined)).rank(tools).first
    }

    private func capabilities(_ tools: [ToolDescription], lead: String) -> String {
        let titles = tools.prefix(suggestionCount).map(\.title)
        let more = tools.count > titles.count ? " (and \(tools.count - titles.count) more)" : ""
        return "\(lead) I can: \(titles.joined(separator: ", "))\(more)."
    }
}
