import Core
import Foundation
import Testing
import YAML

/// Resuming a stopped turn follows ModelLoop's protocol, and the conversations given to a model
/// always answer every call right after the step that made it (what providers require).
@Suite struct AgentResumeTests {
    let fixture: AgentsFixture

    init() throws {
        fixture = try AgentsFixture()
    }

    /// Whether each assistant message's calls are answered by the tool results right after it.
    static func answersEveryCall(_ conversation: [ModelMessage]) -> Bool {
        for (index, message) in conversation.enumerated() {
            guard case .assistant(_, let calls) = message, !calls.isEmpty else { continue }
            let following = conversation[(index + 1)...].prefix { if case .tool = $0 { true } else { false } }
            let answered = Set(following.compactMap { if case .tool(let result) = $0 { result.callID } else { nil } })
            if !Set(calls.map(\.id)).isSubset(of: answered) { return false }
        }
        return true
    }

    @Test func aStepWithSeveralCallsResumesWithAResultForEachCall() throws {
        // One step: read order 2, create an invoice (stops for Confirm), read order 1 (not run yet).
        let model = RecordingModel { conversation, tools in
            guard case .user? = conversation.last else { return .text("Done.") }
            func name(_ operation: String) -> String { tools.first { $0.pathTemplate.contains(operation) }?.name ?? operation }
            return .toolCalls([
                ToolCall(id: "call-1", name: name("{order_id}"), arguments: ["order_id": .int(2)]),
                ToolCall(
                    id: "call-2", name: name("/invoices"),
                    arguments: ["order_id": .int(1), "amount_cents": .int(12_000), "currency": .string("EUR")]),
                ToolCall(id: "call-3", name: name("{order_id}"), arguments: ["order_id": .int(1)]),
            ])
        }
        let runner = fixture.runner(models: AgentModels { _ in model })
        let conversation = try fixture.conversation()
        let added = try runner.send("Do three things", in: conversation.id, as: fixture.caller)
        #expect(added.results.map(\.status) == [200])
        let card = try #require(added.confirmation, "\(added)")
        let confirmed = try runner.confirm(pendingActionID: card.pendingActionID, as: fixture.caller)
        #expect(confirmed.results.first?.status == 201)
        #expect(confirmed.replies == ["Done."])
        let last = try #require(model.conversations.last)
        #expect(Self.answersEveryCall(last))
        let trailing = last.suffix(2).compactMap { if case .tool(let result) = $0 { result } else { nil } }
        #expect(trailing.map(\.callID) == ["call-2", "call-3"])
        #expect(trailing.map(\.status) == [201, nil])
    }

    @Test func writingOnWhileAWriteWaitsKeepsTheConversationValidAndConfirmStillWorks() throws {
        let model = RecordingModel()
        let runner = fixture.runner(models: AgentModels { _ in model })
        let conversation = try fixture.conversation()
        let card = try #require(
            try runner.send("Create an invoice for order 1 for 120 EUR", in: conversation.id, as: fixture.caller).confirmation)
        let read = try runner.send("What's the status of order 2?", in: conversation.id, as: fixture.caller)
        #expect(read.results.first?.status == 200)
        let confirmed = try runner.confirm(pendingActionID: card.pendingActionID, as: fixture.caller)
        #expect(confirmed.results.first?.status == 201)
        #expect(model.conversations.allSatisfy(Self.answersEveryCall))
        #expect(try fixture.pendingStatuses()[card.pendingActionID] == "succeeded")
    }
}
