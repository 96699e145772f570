import Synchronization
import Testing
import YAML

@testable import Core

@Suite struct ModelLoopTests {
    /// A model that answers from a script and records the conversations it was given.
    final class ScriptedModel: LanguageModel {
        /// Guards the remaining turns and the conversations seen.
        let state: Mutex<(turns: [ModelTurn], seen: [[ModelMessage]])>

        init(_ turns: [ModelTurn]) {
            state = Mutex((turns, []))
        }

        func respond(to conversation: [ModelMessage], tools: [ToolDescription]) throws(ModelError) -> ModelTurn {
            try state.withLock { state throws(ModelError) in
                state.seen.append(conversation)
                guard !state.turns.isEmpty else { throw ModelError.malformedResponse("script ended") }
                return state.turns.removeFirst()
            }
        }

        func summarize(result: ToolResult, of tool: ToolDescription?, conversation: [ModelMessage]) -> Summary {
            Summary(headline: "scripted")
        }
    }

    private static func result(_ call: ToolCall, _ content: OrderedValue) -> ToolResult {
        ToolResult(callID: call.id, toolName: call.name, status: 200, content: content)
    }

    @Test func runsAReadWithTheOfflineModelAndRepliesFromItsResult() async throws {
        let tools = try await OrdersAPI.tools()
        var ran: [ToolCall] = []
        let outcome = try ModelLoop(model: OfflineModel()).runTurn(conversation: [.user("What's the status of order 42?")], tools: tools) {
            call in
            ran.append(call)
            return .completed(Self.result(call, .object(["id": .int(42), "status": .string("shipped")])))
        }
        #expect(ran.map(\.name) == ["getOrder"])
        #expect(outcome.ending == .reply("Order 42 is shipped."))
        #expect(outcome.results.count == 1)
        #expect(outcome.summaries.first?.fields.map(\.label) == ["ID", "Status"])
        #expect(outcome.messages.count == 3)
        #expect(outcome.messages.last == .assistant("Order 42 is shipped."))
    }

    @Test func stopsAtAWriteThatNeedsConfirmation() async throws {
        let tools = try await OrdersAPI.tools()
        let outcome = try ModelLoop(model: OfflineModel()).runTurn(
            conversation: [.user("Create an invoice for ACME for 120 EUR")], tools: tools
        ) { call in
            #expect(call.name == "createInvoice")
            return .stop(reason: "confirm")
        }
        guard case .stopped(let call, let reason, let remaining) = outcome.ending else {
            Issue.record("expected a stop, got \(outcome.ending)")
            return
        }
        #expect(call.name == "createInvoice")
        #expect(reason == "confirm")
        #expect(remaining.isEmpty)
        #expect(outcome.results.isEmpty)
        #expect(outcome.messages == [.assistant(text: "", toolCalls: [call])])
    }

    @Test func handsBackAParameterRequest() async throws {
        let tools = try await OrdersAPI.tools()
        let outcome = try ModelLoop(model: OfflineModel()).runTurn(conversation: [.user("Create an invoice")], tools: tools) { _ in
            Issue.record("no tool should run")
            return .stop(reason: "")
        }
        guard case .needsParameters(let request) = outcome.ending else {
            Issue.record("expected a parameter request, got \(outcome.ending)")
            return
        }
        #expect(request.missing.map(\.name) == ["customer", "amount", "currency"])
    }

    @Test func runsSeveralCallsInOrderAndStopsMidway() async throws {
        let tools = try await OrdersAPI.tools()
        let calls = [
            ToolCall(id: "a", name: "getOrder", arguments: ["orderId": .int(1)]),
            ToolCall(id: "b", name: "cancelOrder", arguments: ["orderId": .int(1)]),
            ToolCall(id: "c", name: "getOrder", arguments: ["orderId": .int(2)]),
        ]
        let model = ScriptedModel([.toolCalls(calls)])
        let outcome = try ModelLoop(model: model).runTurn(conversation: [.user("…")], tools: tools) { call in
            call.name == "cancelOrder" ? .stop(reason: "confirm") : .completed(Self.result(call, .string("ok")))
        }
        #expect(outcome.ending == .stopped(call: calls[1], reason: "confirm", remainingCalls: [calls[2]]))
        #expect(outcome.results.map(\.callID) == ["a"])
    }

    @Test func tellsTheModelAboutAToolThatDoesNotExist() async throws {
        let tools = try await OrdersAPI.tools()
        let invented = ToolCall(id: "x", name: "dropDatabase")
        let model = ScriptedModel([.toolCalls([invented]), .text("Sorry, I cannot do that.")])
        let outcome = try ModelLoop(model: model).runTurn(conversation: [.user("drop it")], tools: tools) { _ in
            Issue.record("an unknown tool must not run")
            return .stop(reason: "")
        }
        #expect(outcome.ending == .reply("Sorry, I cannot do that."))
        let second = model.state.withLock { $0.seen.last ?? [] }
        guard case .tool(let result) = second.last else {
            Issue.record("expected the model to see a tool result")
            return
        }
        #expect(result.isError)
        #expect(result.content == .string("There is no tool named dropDatabase."))
    }

    @Test func endsAfterTheStepLimit() async throws {
        let tools = try await OrdersAPI.tools()
        let call = ToolCall(id: "a", name: "listOrders")
        let model = ScriptedModel(Array(repeating: .toolCalls([call]), count: 5))
        var runs = 0
        let outcome = try ModelLoop(model: model, maximumSteps: 3).runTurn(conversation: [.user("loop")], tools: tools) { call in
            runs += 1
            return .completed(Self.result(call, .array([])))
        }
        #expect(outcome.ending == .stepLimitReached)
        #expect(runs == 3)
        #expect(outcome.summaries.map(\.headline) == Array(repeating: "No orders found.", count: 3))
    }

    @Test func passesModelErrorsThrough() {
        let model = ScriptedModel([])
        #expect(throws: ModelError.malformedResponse("script ended")) {
            try ModelLoop(model: model).runTurn(conversation: [.user("hi")], tools: []) { _ in .stop(reason: "") }
        }
    }
}

extension ModelLoopTests {
    @Test func answersACallWhoseArgumentsDoNotFitWithoutRunningIt() async throws {
        let tools = try await OrdersAPI.tools()
        let wrong = ToolCall(id: "a", name: "getOrder", arguments: ["orderId": .string("forty-two")])
        let fixed = ToolCall(id: "b", name: "getOrder", arguments: ["orderId": .string("42"), "debug": .bool(true)])
        let model = ScriptedModel([.toolCalls([wrong]), .toolCalls([fixed]), .text("Order 42 is open.")])
        var ran: [ToolCall] = []
        let outcome = try ModelLoop(model: model).runTurn(conversation: [.user("order forty-two")], tools: tools) { call in
            ran.append(call)
            return .completed(Self.result(call, .object(["id": .int(42), "status": .string("open")])))
        }
        #expect(outcome.ending == .reply("Order 42 is open."))
        // Only the corrected call ran, typed and without the argument the tool does not describe.
        #expect(ran == [ToolCall(id: "b", name: "getOrder", arguments: ["orderId": .int(42)])])
        #expect(
            outcome.messages[1]
                == .tool(
                    ToolResult(
                        callID: "a", toolName: "getOrder", content: .string("Not run: Order ID must be a whole number."), isError: true)))
    }
}

extension ModelLoopTests {
    @Test func answersEachCallUnderItsOwnID() async throws {
        let tools = try await OrdersAPI.tools()
        let call = ToolCall(id: "call_7", name: "listOrders")
        let model = ScriptedModel([.toolCalls([call]), .text("done")])
        let outcome = try ModelLoop(model: model).runTurn(conversation: [.user("orders")], tools: tools) { _ in
            .completed(ToolResult(callID: "something-else", toolName: "other", status: 200, content: .array([])))
        }
        #expect(outcome.results.map(\.callID) == ["call_7"])
        #expect(outcome.results.map(\.toolName) == ["listOrders"])
    }
}

extension ModelLoopTests {
    @Test func resumesAfterAConfirmedWriteAndSummarisesItsResult() async throws {
        let tools = try await OrdersAPI.tools()
        let call = ToolCall(id: "offline-1-1", name: "createInvoice", arguments: ["customer": .string("ACME")])
        let confirmed = ToolResult(
            callID: call.id, toolName: call.name, status: 201, content: .object(["id": .string("INV-9"), "status": .string("draft")]))
        let conversation: [ModelMessage] = [
            .user("Create an invoice for ACME for 120 EUR"), .assistant(text: "", toolCalls: [call]), .tool(confirmed),
        ]
        let outcome = try ModelLoop(model: OfflineModel()).runTurn(conversation: conversation, tools: tools) { _ in
            Issue.record("nothing more should run")
            return .stop(reason: "")
        }
        #expect(outcome.ending == .reply("Created invoice INV-9, status draft."))
        #expect(outcome.results == [confirmed])
        #expect(outcome.summaries.map(\.headline) == ["Created invoice INV-9, status draft."])
        #expect(outcome.messages == [.assistant("Created invoice INV-9, status draft.")])
    }
}
