import Foundation
import SQLite
import YAML

extension AgentRunner {
    /// Confirms a write and runs it, once: only the member it belongs to, only while it is
    /// pending and not expired. The run's result card is stored and the agent replies.
    ///
    /// The guard is one conditional `UPDATE … SET status = 'confirmed' WHERE status = 'pending'`
    /// whose change count must be 1, so a double click, a replay, a second tab or a second node
    /// never runs it twice. Another member's (or company's) id is ``DomainError/Code/notFound``;
    /// one already decided or expired is ``DomainError/Code/conflict``.
    public func confirm(pendingActionID: String, as caller: ConversationCaller) throws -> [ConversationMessage] {
        let row = try claim(pendingActionID, caller, from: [.pending], to: .confirmed, event: "pending_action.confirmed")
        return try runClaimed(row, caller)
    }

    /// Declines a write (or a connect prompt): the agent is told the member declined and replies.
    public func cancel(pendingActionID: String, as caller: ConversationCaller) throws -> [ConversationMessage] {
        let row = try claim(
            pendingActionID, caller, from: [.pending, .awaitingConnection], to: .cancelled, event: "pending_action.cancelled")
        let scene = try load(row.conversationID, caller)
        let declined = ToolResult(
            callID: row.call.id, toolName: row.call.name, content: .string("The user declined: the action was not run."), isError: true)
        let prefix = try resumption(row.call, result: declined, card: nil, in: row.conversationID)
        return try turn(scene, caller, prefix: prefix, handler: handler(scene, caller))
    }

    /// Resumes the turn that stopped for a connection, once the member has connected: a read
    /// runs and the agent replies; a write is shown for confirmation. Still not connected is
    /// ``DomainError/Code/conflict`` and nothing changes.
    public func resume(pendingActionID: String, as caller: ConversationCaller) throws -> [ConversationMessage] {
        let waiting = try database.read { conn in try pendingAction(pendingActionID, caller, in: conn) }
        let scene = try load(waiting.conversationID, caller)
        guard let tool = scene.tools.first(where: { $0.actionID == waiting.actionID }) else {
            throw DomainError(.conflict, "This action is no longer enabled for the agent.")
        }
        if waiting.status == .awaitingConnection, try ToolCallHandler.needsConnection(tool, userID: caller.userID, executor: executor) {
            throw DomainError(.conflict, "Connect \(tool.integrationName) to continue.")
        }
        guard tool.isWrite else {
            let row = try claim(pendingActionID, caller, from: [.awaitingConnection], to: .confirmed, event: "pending_action.resumed")
            return try runClaimed(row, caller)
        }
        let preview = try executor.preview(actionID: tool.actionID, arguments: waiting.call.arguments)
        let row = try claim(
            pendingActionID, caller, from: [.awaitingConnection], to: .pending, event: "pending_action.resumed",
            expiresAt: clock.now().addingTimeInterval(configuration.pendingActionLifetime))
        let card = confirmationCard(row.id, row.call, tool, preview, expiresAt: row.expiresAt)
        return try database.write { conn in
            try log.append([.card(.confirmation(card))], conversationID: row.conversationID, at: clock.now(), in: conn)
        }
    }

    /// Runs a claimed action, records how it ended, and lets the agent reply to the result.
    private func runClaimed(_ row: PendingActionRow, _ caller: ConversationCaller) throws -> [ConversationMessage] {
        let scene = try load(row.conversationID, caller)
        let handler = handler(scene, caller)
        guard let tool = scene.tools.first(where: { $0.actionID == row.actionID }) else {
            let result = ToolResult(
                callID: row.call.id, toolName: row.call.name, content: .string("Not run: the action is no longer enabled for this agent."),
                isError: true)
            let prefix = try resumption(row.call, result: result, card: nil, in: row.conversationID)
            return try turn(scene, caller, prefix: prefix, handler: handler) { conn in
                try finish(row.id, .failed, result, in: conn)
            }
        }
        switch handler.run(row.call, tool) {
        case .completed(let result):
            let card = handler.cards[row.call.id].map(ConversationCard.actionResult)
            let prefix = try resumption(row.call, result: result, card: card, in: row.conversationID)
            return try turn(scene, caller, prefix: prefix, handler: handler) { conn in
                try finish(row.id, result.isError ? .failed : .succeeded, result, in: conn)
            }
        case .stop:
            // The connection went away since: this one waits for it again, with a new prompt.
            try database.write { conn in
                try conn.execute(
                    "UPDATE pending_actions SET status = 'awaiting_connection' WHERE company_id = ? AND id = ?", companyID, row.id)
            }
            let card = ConnectCard(
                pendingActionID: row.id, integrationID: tool.integrationID, integrationName: tool.integrationName,
                actionName: tool.description.title, message: "Connect \(tool.integrationName) to continue.", status: .awaitingConnection)
            return try database.write { conn in
                try log.append([.card(.connect(card))], conversationID: row.conversationID, at: clock.now(), in: conn)
            }
        }
    }

    /// Stores the pending action a turn stopped at and returns its card.
    func createPendingAction(
        _ stop: ToolCallHandler.Stop, scene: Scene, caller: ConversationCaller, at now: Date, in conn: Connection
    ) throws -> ConversationCard {
        let id = try Identifier.make()
        let expiresAt = now.addingTimeInterval(configuration.pendingActionLifetime)
        let (call, tool, status, card): (ToolCall, AgentTool, PendingActionStatus, ConversationCard)
        switch stop {
        case .confirm(let stoppedCall, let stoppedTool, let preview):
            (call, tool, status) = (stoppedCall, stoppedTool, .pending)
            card = .confirmation(confirmationCard(id, call, tool, preview, expiresAt: expiresAt))
        case .connect(let stoppedCall, let stoppedTool):
            (call, tool, status) = (stoppedCall, stoppedTool, .awaitingConnection)
            card = .connect(
                ConnectCard(
                    pendingActionID: id, integrationID: tool.integrationID, integrationName: tool.integrationName,
                    actionName: tool.description.title, message: "Connect \(tool.integrationName) to continue.", status: status))
        }
        try conn.execute(
            """
            INSERT INTO pending_actions (company_id, id, conversation_id, action_id, user_id, arguments, status, created_at, expires_at, tool_call)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, companyID, id, scene.conversation.id, tool.actionID, caller.userID, OrderedValue.object(call.arguments).jsonText(),
            status.rawValue, now, expiresAt, try MessageLog.encode(call))
        try AuditLog.record(
            in: conn, companyID: companyID, at: now, "pending_action.created", by: caller.actor, target: ("pending_action", id),
            detail: [
                "action_id": tool.actionID, "action_name": tool.description.title, "status": status.rawValue, "agent_id": scene.agent.id,
            ])
        return card
    }

    func confirmationCard(_ id: String, _ call: ToolCall, _ tool: AgentTool, _ preview: RequestPreview, expiresAt: Date) -> ConfirmationCard
    {
        ConfirmationCard(
            pendingActionID: id, actionID: tool.actionID, actionName: tool.description.title, integrationName: tool.integrationName,
            method: preview.method, url: preview.url, headers: preview.headers, body: preview.body,
            argumentsJSON: OrderedValue.object(call.arguments).jsonText(), expiresAt: expiresAt, status: .pending)
    }

    /// Moves a pending action of the caller from one of `statuses` to `status` with one
    /// conditional UPDATE (and audits the decision); anything else is refused, and audited too.
    private func claim(
        _ id: String, _ caller: ConversationCaller, from statuses: [PendingActionStatus], to status: PendingActionStatus, event: String,
        expiresAt newExpiry: Date? = nil
    ) throws -> PendingActionRow {
        let now = clock.now()
        // Only a pending write expires; a connect prompt waits as long as the connection takes.
        let enforcesExpiry = statuses.contains(.pending)
        enum Claim { case claimed(PendingActionRow), expired, decided(PendingActionStatus) }
        let claim: Claim = try database.write { conn in
            let allowed = statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try conn.execute(
                """
                UPDATE pending_actions SET status = ?, decided_at = ?, expires_at = coalesce(?, expires_at)
                WHERE company_id = ? AND id = ? AND user_id = ? AND status IN (\(allowed))
                  AND (status != 'pending' OR ? = 0 OR expires_at > ?)
                """, status.rawValue, now, newExpiry, companyID, id, caller.userID, enforcesExpiry, now)
            let claimed = conn.changes == 1
            let row = try pendingAction(id, caller, in: conn)
            var detail = ["action_id": row.actionID, "conversation_id": row.conversationID]
            if claimed {
                try AuditLog.record(
                    in: conn, companyID: companyID, at: now, event, by: caller.actor, target: ("pending_action", id), detail: detail)
                return .claimed(row)
            }
            detail["refused"] = event
            detail["status"] = row.status.rawValue
            if row.status == .pending, row.expiresAt <= now {
                try conn.execute(
                    "UPDATE pending_actions SET status = 'expired' WHERE company_id = ? AND id = ? AND status = 'pending'", companyID, id)
                try AuditLog.record(
                    in: conn, companyID: companyID, at: now, "pending_action.expired", by: caller.actor, target: ("pending_action", id),
                    detail: detail)
                return .expired
            }
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "pending_action.refused", by: caller.actor, target: ("pending_action", id),
                detail: detail)
            return .decided(row.status)
        }
        switch claim {
        case .claimed(let row): return row
        case .expired: throw DomainError(.conflict, "This action expired before it was confirmed. Ask again to get a new one.")
        case .decided(let current):
            throw DomainError(.conflict, "This action is already \(current.rawValue.replacingOccurrences(of: "_", with: " ")).")
        }
    }

    /// The caller's pending action; anyone else's is ``DomainError/Code/notFound``.
    private func pendingAction(_ id: String, _ caller: ConversationCaller, in conn: Connection) throws -> PendingActionRow {
        guard
            let row = try conn.queryOne(
                "SELECT \(PendingActionRow.columns) FROM pending_actions WHERE company_id = ? AND id = ? AND user_id = ?",
                companyID, id, caller.userID)
        else { throw DomainError(.notFound, "No such pending action.") }
        return try PendingActionRow(row)
    }

    /// Records how a run ended, with its redacted result.
    private func finish(_ id: String, _ status: PendingActionStatus, _ result: ToolResult, in conn: Connection) throws {
        try conn.execute(
            "UPDATE pending_actions SET status = ?, result = ?, completed_at = ? WHERE company_id = ? AND id = ?",
            status.rawValue, result.content.jsonText(), clock.now(), companyID, id)
    }

    /// The messages that answer the stopped `call` with `result` (ModelLoop's resume protocol).
    ///
    /// When nothing came after the call's step, the result follows it, with a "not run" result
    /// for each later call of that step (the model may call them again). When the member wrote
    /// in between, the call is repeated under a new id just before its result, because a
    /// provider accepts a tool result only right after the message holding its call.
    private func resumption(
        _ call: ToolCall, result: ToolResult, card: ConversationCard?, in conversationID: String
    ) throws -> [MessageLog.Entry] {
        let history = try database.read { conn in try log.modelConversation(conversationID: conversationID, in: conn) }
        var result = result
        let step = history.lastIndex { $0.toolCalls.contains { $0.id == call.id } }
        guard let step, history[(step + 1)...].allSatisfy(\.isToolResult),
            let position = history[step].toolCalls.firstIndex(where: { $0.id == call.id })
        else {
            var again = call
            again.id = call.id + "-resumed"
            result.callID = again.id
            return [.model(.assistant(text: "", toolCalls: [again])), .model(.tool(result), card: card)]
        }
        let notRun = history[step].toolCalls[(position + 1)...].map { later in
            MessageLog.Entry.model(
                .tool(
                    ToolResult(
                        callID: later.id, toolName: later.name,
                        content: .string(
                            "Not run: the turn stopped at an earlier call that needed the user. Call it again if still needed."),
                        isError: true)))
        }
        return [.model(.tool(result), card: card)] + notRun
    }
}
