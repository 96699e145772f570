import Foundation
import SQLite
import YAML

/// Runs agent turns in a company's conversations: the member's message goes to the agent's
/// model with the agent's enabled actions as tools; reads run at once, writes wait for the
/// member's Confirm, per-user actions without a connection wait for the member to connect.
/// Every message and card is stored in order; every run and decision is audited.
///
/// Blocks the calling thread (the executor and a provider model do): call it from a worker.
/// Each method returns the messages it added that are shown (replies and cards).
///
/// ```swift
/// let runner = AgentRunner(executor: executor, models: .offline)
/// let caller = ConversationCaller(userID: member.id)
/// let added = try runner.send("Create an invoice for order 1 for 120 EUR", in: conversation.id, as: caller)
/// if case .confirmation(let card)? = added.last?.card {
///     try runner.confirm(pendingActionID: card.pendingActionID, as: caller)   // runs it once, then the agent replies
/// }
/// ```
public struct AgentRunner: Sendable {
    /// Runs the actions (its database and company are the runner's).
    public let executor: ActionExecutor
    /// Chooses each agent's model.
    public let models: AgentModels
    /// Limits.
    public let configuration: AgentRunnerConfiguration

    /// Creates the runner of the executor's company.
    public init(
        executor: ActionExecutor, models: AgentModels = .offline, configuration: AgentRunnerConfiguration = AgentRunnerConfiguration()
    ) {
        self.executor = executor
        self.models = models
        self.configuration = configuration
    }

    var database: Database { executor.database }
    var companyID: String { executor.companyID }
    var clock: WallClock { executor.clock }
    var log: MessageLog { MessageLog(companyID: companyID) }

    /// Adds the member's message and runs the agent's turn; throws ``FormErrors`` (`message`)
    /// for an empty or oversized message and ``DomainError/Code/notFound`` for a conversation
    /// that is not the caller's.
    public func send(_ text: String, in conversationID: String, as caller: ConversationCaller) throws -> [ConversationMessage] {
        let message = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else { throw FormErrors([FieldError(field: "message", message: "Write a message.")]) }
        guard message.count <= 20_000 else {
            throw FormErrors([FieldError(field: "message", message: "Keep the message under 20,000 characters.")])
        }
        let scene = try load(conversationID, caller)
        return try turn(scene, caller, prefix: [.model(.user(message))], handler: handler(scene, caller), title: String(message.prefix(80)))
    }

    /// Fills the missing parameters of a parameters form (field name → text as typed) and
    /// continues: the call runs (a read) or asks for confirmation (a write). Throws
    /// ``FormErrors`` for a value that does not fit, ``DomainError/Code/conflict`` for a form
    /// already answered.
    public func submitParameters(
        messageID: String, in conversationID: String, values: [String: String], as caller: ConversationCaller
    ) throws -> [ConversationMessage] {
        let scene = try load(conversationID, caller)
        let form = try database.read { conn in try log.message(messageID, conversationID: conversationID, in: conn) }
        guard case .parameters(let card)? = form.card else { throw DomainError(.notFound, "No such form.") }
        guard !card.isAnswered else { throw DomainError(.conflict, "This form was already sent.") }
        var call: ToolCall
        do {
            call = try card.request.completed(with: values)
        } catch {
            let field = card.request.missing.first { $0.label == error.parameter }?.name ?? "form"
            throw FormErrors([FieldError(field: field, message: "\(error.parameter) \(error.reason).")])
        }
        guard let tool = scene.tools.first(where: { $0.description.name == call.name }) else {
            throw DomainError(.conflict, "\(card.request.toolTitle) is no longer enabled for this agent.")
        }
        do {
            call.arguments = try tool.description.checkedArguments(call.arguments)
        } catch {
            throw FormErrors([FieldError(field: "form", message: "\(error)")])
        }
        try database.write { conn in
            // Answered once: a second submit (another tab, a double click) finds it answered.
            guard case .parameters(var current)? = try log.message(messageID, conversationID: conversationID, in: conn).card,
                !current.isAnswered
            else { throw DomainError(.conflict, "This form was already sent.") }
            current.isAnswered = true
            try log.replaceCard(of: messageID, with: .parameters(current), in: conn)
        }
        let handler = handler(scene, caller)
        var prefix: [MessageLog.Entry] = [.model(.assistant(text: "", toolCalls: [call]))]
        guard case .completed(let result) = handler.handle(call) else {
            return try turn(scene, caller, prefix: prefix, handler: handler, runModel: false)
        }
        prefix.append(.model(.tool(result), card: handler.cards[call.id].map(ConversationCard.actionResult)))
        return try turn(scene, caller, prefix: prefix, handler: handler)
    }

    /// What a turn works on: the caller's conversation, its agent and the agent's tools.
    struct Scene {
        var conversation: Conversation
        var agent: Agent
        var tools: [AgentTool]
    }

    func load(_ conversationID: String, _ caller: ConversationCaller) throws -> Scene {
        try database.read { conn in
            let conversation = try ConversationStore(database: database, companyID: companyID, clock: clock)
                .conversation(conversationID, for: caller.userID, in: conn)
            let agents = AgentStore(database: database, companyID: companyID, clock: clock)
            return Scene(
                conversation: conversation, agent: try agents.agent(conversation.agentID, in: conn),
                tools: try agents.enabledTools(conversation.agentID, in: conn))
        }
    }

    func handler(_ scene: Scene, _ caller: ConversationCaller) -> ToolCallHandler {
        ToolCallHandler(
            executor: executor, tools: scene.tools, context: caller.context(agentID: scene.agent.id),
            previewCharacters: configuration.bodyPreviewCharacters)
    }

    /// Runs the model on the stored conversation followed by `prefix` (unless `runModel` is
    /// false), then stores `prefix`, what the turn added and the pending action it stopped at,
    /// with `alsoWrite`, in one transaction.
    func turn(
        _ scene: Scene, _ caller: ConversationCaller, prefix: [MessageLog.Entry], handler: ToolCallHandler, runModel: Bool = true,
        title: String? = nil, alsoWrite: (Connection) throws -> Void = { _ in }
    ) throws -> [ConversationMessage] {
        var entries = prefix
        if runModel {
            let history = try database.read { conn in try log.modelConversation(conversationID: scene.conversation.id, in: conn) }
            var conversation = ModelMessage.answeringOpenCalls(history + prefix.compactMap(\.modelMessage))
            if !scene.agent.instructions.isEmpty { conversation.insert(.system(scene.agent.instructions), at: 0) }
            let loop = ModelLoop(model: models.model(for: scene.agent), maximumSteps: configuration.maximumSteps)
            do {
                let outcome = try loop.runTurn(conversation: conversation, tools: scene.tools.map(\.description), runTool: handler.handle)
                entries = Self.attachSummaries(entries + Self.entries(of: outcome, handler: handler), outcome: outcome)
            } catch {
                entries.append(
                    .model(.assistant("The language model could not answer (\(error)). Try again, or ask an admin to check it.")))
            }
        }
        let now = clock.now()
        return try database.write { conn in
            try alsoWrite(conn)
            if let title {
                try conn.execute(
                    "UPDATE conversations SET title = ? WHERE company_id = ? AND id = ? AND title = ''", title, companyID,
                    scene.conversation.id)
            }
            if let stop = handler.stop {
                entries.append(.card(try createPendingAction(stop, scene: scene, caller: caller, at: now, in: conn)))
            }
            return try log.append(entries, conversationID: scene.conversation.id, at: now, in: conn)
        }
    }

    /// The entries for what the loop added: each tool result with its card, a parameters form
    /// on the question that asks for them, a note when the step limit ended the turn.
    private static func entries(of outcome: TurnOutcome, handler: ToolCallHandler) -> [MessageLog.Entry] {
        var entries: [MessageLog.Entry] = outcome.messages.map { message in
            guard case .tool(let result) = message else { return .model(message) }
            return .model(message, card: handler.cards[result.callID].map(ConversationCard.actionResult))
        }
        switch outcome.ending {
        case .needsParameters(let request):
            if let last = entries.indices.last {
                entries[last].card = .parameters(ParametersCard(request: request, isAnswered: false))
            }
        case .stepLimitReached:
            entries.append(.model(.assistant("I could not finish this within the steps allowed. Please try a more specific request.")))
        case .reply, .stopped:
            break
        }
        return entries
    }

    /// Puts each result's summary on its card (the loop summarises every result its reply rests on).
    private static func attachSummaries(_ entries: [MessageLog.Entry], outcome: TurnOutcome) -> [MessageLog.Entry] {
        var summaries: [String: Summary] = [:]
        for (result, summary) in zip(outcome.results, outcome.summaries) { summaries[result.callID] = summary }
        return entries.map { entry in
            guard case .tool(let result)? = entry.modelMessage, case .actionResult(var card)? = entry.card,
                let summary = summaries[result.callID]
            else { return entry }
            var entry = entry
            card.summary = summary
            entry.card = .actionResult(card)
            return entry
        }
    }
}
