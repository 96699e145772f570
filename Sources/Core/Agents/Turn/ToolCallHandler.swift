import Foundation
import SQLite
import YAML

/// Handles the tool calls of one turn (the ``ModelLoop`` closure): a read runs at once through
/// the executor and becomes a result card; a write, or an action whose per-user connection is
/// missing, stops the turn with what must be asked of the member (``Stop``).
///
/// Used from one thread during one turn, hence a class without locks.
final class ToolCallHandler {
    /// Why the turn stopped, to store as a pending action and a card.
    enum Stop {
        /// A write waits for Confirm; `preview` is what will be sent, secrets redacted.
        case confirm(ToolCall, AgentTool, RequestPreview)
        /// The member must connect the tool's integration first.
        case connect(ToolCall, AgentTool)
    }

    let executor: ActionExecutor
    let tools: [AgentTool]
    let context: ActionRunContext
    let previewCharacters: Int
    /// The result cards by call id, for the tool messages the loop returns.
    private(set) var cards: [String: ActionResultCard] = [:]
    /// Set when the turn stopped.
    private(set) var stop: Stop?

    init(executor: ActionExecutor, tools: [AgentTool], context: ActionRunContext, previewCharacters: Int) {
        self.executor = executor
        self.tools = tools
        self.context = context
        self.previewCharacters = previewCharacters
    }

    /// What the loop does with `call`.
    func handle(_ call: ToolCall) -> ToolOutcome {
        guard let tool = tools.first(where: { $0.description.name == call.name }) else {
            return .completed(
                ToolResult(callID: call.id, toolName: call.name, content: .string("There is no tool named \(call.name)."), isError: true))
        }
        if tool.isWrite {
            do {
                if try Self.needsConnection(tool, userID: context.userID, executor: executor) {
                    stop = .connect(call, tool)
                    return .stop(reason: "connect")
                }
                stop = .confirm(call, tool, try executor.preview(actionID: tool.actionID, arguments: call.arguments))
                return .stop(reason: "confirm")
            } catch let problems as FormErrors {
                let text = problems.fields.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
                return .completed(failure(call, tool, "Not run: the arguments do not fit (\(text))."))
            } catch {
                return .completed(failure(call, tool, "Not run: \(error)."))
            }
        }
        return run(call, tool)
    }

    /// Runs `call` now (a read, or a confirmed write) and records its card; a missing
    /// connection stops the turn.
    func run(_ call: ToolCall, _ tool: AgentTool) -> ToolOutcome {
        let outcome: ActionOutcome
        do {
            outcome = try executor.run(actionID: tool.actionID, arguments: call.arguments, as: context)
        } catch {
            return .completed(failure(call, tool, "Not run: \(error)."))
        }
        switch outcome {
        case .completed(let result):
            cards[call.id] = ActionResultCard(
                actionID: tool.actionID, actionName: tool.description.title, method: tool.description.method.rawValue,
                path: tool.description.pathTemplate, status: result.status, durationMilliseconds: result.durationMilliseconds,
                bodyPreview: String(result.bodyText.prefix(previewCharacters)), note: result.note, isError: !result.isSuccess,
                summary: nil)
            return .completed(
                ToolResult(
                    callID: call.id, toolName: call.name, status: result.status, content: result.json ?? .string(result.bodyText),
                    isError: !result.isSuccess))
        case .needsConnection:
            stop = .connect(call, tool)
            return .stop(reason: "connect")
        case .invalidArguments(let problems):
            let text = problems.map(\.description).joined(separator: "; ")
            return .completed(failure(call, tool, "Not run: the arguments do not fit (\(text))."))
        case .failed(let reason):
            return .completed(failure(call, tool, "No answer from the API: \(reason)"))
        }
    }

    /// A failed call's result for the model, with a card for the member.
    func failure(_ call: ToolCall, _ tool: AgentTool, _ message: String) -> ToolResult {
        cards[call.id] = ActionResultCard(
            actionID: tool.actionID, actionName: tool.description.title, method: tool.description.method.rawValue,
            path: tool.description.pathTemplate, status: nil, durationMilliseconds: nil, bodyPreview: message, note: nil, isError: true,
            summary: nil)
        return ToolResult(callID: call.id, toolName: call.name, content: .string(message), isError: true)
    }

    /// Whether the member has no usable connection for a per-user integration that needs one
    /// (checked before asking to confirm a write, so Confirm is never followed by a connect prompt).
    static func needsConnection(_ tool: AgentTool, userID: String, executor: ActionExecutor) throws -> Bool {
        try executor.database.read { conn in
            try conn.queryOne(
                """
                SELECT 1 FROM integrations i
                WHERE i.company_id = ? AND i.id = ? AND i.scope = 'per_user' AND i.auth_method != 'none'
                  AND NOT EXISTS (SELECT 1 FROM credentials c WHERE c.company_id = i.company_id AND c.integration_id = i.id
                                  AND c.purpose = 'connection' AND c.user_id = ? AND c.status = 'active')
                """, executor.companyID, tool.integrationID, userID) != nil
        }
    }
}
