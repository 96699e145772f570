import Testing
import YAML

@testable import Core

@Suite struct OfflineModelTests {
    let model = OfflineModel()

    private func onlyCall(_ message: String) async throws -> ToolCall {
        let turn = model.respond(to: [.user(message)], tools: try await OrdersAPI.tools())
        guard case .toolCalls(let calls) = turn else {
            Issue.record("expected a tool call for \"\(message)\", got \(turn)")
            throw TurnMismatch()
        }
        #expect(calls.count == 1)
        return try #require(calls.first)
    }

    struct TurnMismatch: Error {}

    @Test func readsTheStatusOfAnOrderWithGetOrder() async throws {
        let call = try await onlyCall("What's the status of order 42?")
        #expect(call.name == "getOrder")
        #expect(call.arguments == OrderedObject(["orderId": .int(42)]))
    }

    @Test func createsAnInvoiceForACustomerWithAmountAndCurrency() async throws {
        let call = try await onlyCall("Create an invoice for ACME for 120 EUR")
        #expect(call.name == "createInvoice")
        #expect(call.arguments["customer"] == .string("ACME"))
        #expect(call.arguments["amount"]?.doubleValue == 120)
        #expect(call.arguments["currency"] == .string("EUR"))
    }

    @Test func listsInvoices() async throws {
        let call = try await onlyCall("list my invoices")
        #expect(call.name == "listInvoices")
        #expect(call.arguments.isEmpty)
    }

    @Test(arguments: [
        ("Show me the paid invoices", "listInvoices", ["status": "paid"]),
        ("cancel order #1234", "cancelOrder", ["orderId": "1234"]),
        ("get invoice INV-2026-7", "getInvoice", ["invoiceId": "INV-2026-7"]),
        ("delete invoice INV-9", "deleteInvoice", ["invoiceId": "INV-9"]),
        ("orders shipped since 5 March 2026", "listOrders", ["status": "shipped", "since": "2026-03-05"]),
        ("find the customer with email jane.doe@example.com", "listCustomers", ["email": "jane.doe@example.com"]),
        ("update order 7 status=shipped", "updateOrder", ["orderId": "7", "status": "shipped"]),
        ("Please change the status of order 12 to shipped", "updateOrder", ["orderId": "12", "status": "shipped"]),
        ("What are my latest orders?", "listOrders", [:]),
        (
            "Create an invoice for Acme Corp for €250 due 31 March 2026, email billing@acme.com", "createInvoice",
            ["customer": "Acme Corp", "amount": "250", "currency": "EUR", "dueDate": "2026-03-31", "email": "billing@acme.com"]
        ),
        ("invoices of customer=\"Big Co\"", "listInvoices", ["customer": "Big Co"]),
    ])
    func choosesTheToolAndItsArguments(message: String, tool: String, arguments: [String: String]) async throws {
        let call = try await onlyCall(message)
        #expect(call.name == tool)
        let found = Dictionary(uniqueKeysWithValues: call.arguments.entries.map { ($0.key, ResultSummarizer.text($0.value)) })
        #expect(found == arguments)
    }

    @Test func saysPlainlyWhenNoToolFitsAndListsWhatItCanDo() async throws {
        let turn = model.respond(to: [.user("What's the weather in Paris tomorrow?")], tools: try await OrdersAPI.tools())
        guard case .text(let text) = turn else {
            Issue.record("expected text, got \(turn)")
            return
        }
        #expect(text.hasPrefix("None of the enabled actions fits that request."))
        #expect(text.contains("List Orders"))
        #expect(text.contains("Get Order"))
        #expect(text.contains("(and 4 more)"))
    }

    @Test func saysSoWhenTheAgentHasNoTools() {
        let turn = model.respond(to: [.user("list my invoices")], tools: [])
        guard case .text(let text) = turn else {
            Issue.record("expected text, got \(turn)")
            return
        }
        #expect(text.contains("No actions are enabled"))
    }

    @Test func asksForMissingRequiredParametersWithLabelsAndTypes() async throws {
        let turn = model.respond(to: [.user("Create an invoice for ACME")], tools: try await OrdersAPI.tools())
        guard case .missingParameters(let request) = turn else {
            Issue.record("expected a parameter request, got \(turn)")
            return
        }
        #expect(request.call.name == "createInvoice")
        #expect(request.call.arguments == OrderedObject(["customer": .string("ACME")]))
        #expect(request.missing.map(\.name) == ["amount", "currency"])
        #expect(request.missing.map(\.type) == [.number, .string])
        #expect(request.missing.last?.allowedValues == ["EUR", "USD", "GBP"])
        #expect(request.message == "To create the invoice, I need: Amount, Currency.")

        let completed = try request.completed(with: ["amount": "99.50", "currency": "usd"])
        #expect(completed.arguments["amount"] == .double(99.5))
        #expect(completed.arguments["currency"] == .string("USD"))
        #expect(throws: ArgumentError(parameter: "Amount", reason: "must be a number")) {
            try request.completed(with: ["amount": "lots", "currency": "EUR"])
        }
        #expect(throws: ArgumentError(parameter: "Currency", reason: "is required")) {
            try request.completed(with: ["amount": "5"])
        }
    }

    @Test func asksForAnIDThatDoesNotTypeCheck() async throws {
        // "abc" is not an integer order id: the model asks rather than sending it.
        let turn = model.respond(to: [.user("What's the status of order abc-x?")], tools: try await OrdersAPI.tools())
        guard case .missingParameters(let request) = turn else {
            Issue.record("expected a parameter request, got \(turn)")
            return
        }
        #expect(request.call.name == "getOrder")
        #expect(request.missing.map(\.label) == ["Order ID"])
    }

    @Test func answersTheSameWayEveryTime() async throws {
        let tools = try await OrdersAPI.tools()
        let messages = ["What's the status of order 42?", "Create an invoice for ACME for 120 EUR", "list my invoices", "hello"]
        for message in messages {
            let first = model.respond(to: [.user(message)], tools: tools)
            for _ in 0..<5 { #expect(model.respond(to: [.user(message)], tools: tools) == first) }
            #expect(model.respond(to: [.user(message)], tools: tools.reversed()) == first || message == "hello")
        }
    }

    @Test func repliesFromTrailingToolResults() async throws {
        let tools = try await OrdersAPI.tools()
        let call = ToolCall(id: "c1", name: "getOrder", arguments: ["orderId": .int(42)])
        let result = ToolResult(
            callID: "c1", toolName: "getOrder", status: 200,
            content: .object(["id": .int(42), "status": .string("shipped")]))
        let turn = model.respond(
            to: [.user("What's the status of order 42?"), .assistant(text: "", toolCalls: [call]), .tool(result)], tools: tools)
        #expect(turn == .text("Order 42 is shipped."))
    }
}

extension OfflineModelTests {
    @Test func readsAnAnswerToItsQuestionWithTheMessageBefore() async throws {
        let tools = try await OrdersAPI.tools()
        let conversation: [ModelMessage] = [
            .user("What's the status of my order?"), .assistant("To get the order, I need: Order ID."), .user("42"),
        ]
        guard case .toolCalls(let calls) = model.respond(to: conversation, tools: tools) else {
            Issue.record("expected a tool call")
            return
        }
        #expect(calls.map(\.name) == ["getOrder"])
        #expect(calls.first?.arguments == ["orderId": .int(42)])
    }

    @Test func doesNotReadAnUnrelatedMessageWithAnOlderOne() async throws {
        let tools = try await OrdersAPI.tools()
        let conversation: [ModelMessage] = [.user("list my invoices"), .user("What's the weather?")]
        guard case .text(let text) = model.respond(to: conversation, tools: tools) else {
            Issue.record("expected text")
            return
        }
        #expect(text.hasPrefix("None of the enabled actions fits"))
    }
}

extension OfflineModelTests {
    @Test func readsOnlyTheStartOfAVeryLongMessage() async throws {
        let tools = try await OrdersAPI.tools()
        let long = "What's the status of order 42? " + String(repeating: "x@y.io to z to ", count: 50_000) + "list my invoices"
        guard case .toolCalls(let calls) = model.respond(to: [.user(long)], tools: tools) else {
            Issue.record("expected a tool call")
            return
        }
        #expect(calls.map(\.name) == ["getOrder"])
    }
}

extension OfflineModelTests {
    @Test func readsSeveralOrdersWithOneCallEach() async throws {
        let turn = model.respond(to: [.user("What's the status of orders 42, 43 and 43?")], tools: try await OrdersAPI.tools())
        #expect(
            turn
                == .toolCalls([
                    ToolCall(id: "offline-1-1", name: "getOrder", arguments: ["orderId": .int(42)]),
                    ToolCall(id: "offline-1-2", name: "getOrder", arguments: ["orderId": .int(43)]),
                ]))
    }

    @Test func neverRepeatsAWrite() async throws {
        let turn = model.respond(to: [.user("cancel orders 42 and 43")], tools: try await OrdersAPI.tools())
        #expect(turn == .toolCalls([ToolCall(id: "offline-1-1", name: "cancelOrder", arguments: ["orderId": .int(42)])]))
    }
}
