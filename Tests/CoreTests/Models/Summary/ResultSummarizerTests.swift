import Testing
import YAML

@testable import Core

@Suite struct ResultSummarizerTests {
    let summarizer = ResultSummarizer()

    private func tool(_ name: String) async throws -> ToolDescription {
        try #require(try await OrdersAPI.tools().first { $0.name == name })
    }

    @Test func summarisesAnObjectByItsKeyFields() async throws {
        let content = OrderedValue.object([
            "lines": .array([.object(["sku": .string("A1")])]), "total": .double(99.5), "status": .string("shipped"),
            "customer": .object(["id": .int(3), "name": .string("ACME")]), "id": .int(42), "createdAt": .string("2026-03-01"),
        ])
        let result = ToolResult(callID: "c", toolName: "getOrder", status: 200, content: content)
        let summary = summarizer.summary(of: result, tool: try await tool("getOrder"))
        #expect(summary.headline == "Order 42 is shipped.")
        #expect(summary.fields.map(\.label) == ["ID", "Status", "Customer", "Total", "Created at"])
        #expect(summary.fields.map(\.value) == ["42", "shipped", "ACME", "99.5", "2026-03-01"])
        #expect(summary.table == nil)
        #expect(summary.rawJSON.contains("\"sku\": \"A1\""))
    }

    @Test func summarisesAListAsATable() async throws {
        let invoices = OrderedValue.array([
            .object(["number": .string("INV-1"), "customer": .string("ACME"), "amount": .int(120), "paid": .bool(true)]),
            .object(["number": .string("INV-2"), "customer": .string("Globex"), "amount": .double(80.25), "paid": .bool(false)]),
        ])
        let result = ToolResult(callID: "c", toolName: "listInvoices", status: 200, content: .object(["data": invoices, "total": .int(2)]))
        let summary = summarizer.summary(of: result, tool: try await tool("listInvoices"))
        #expect(summary.headline == "Found 2 invoices.")
        let table = try #require(summary.table)
        #expect(table.columns == ["Number", "Customer", "Amount", "Paid"])
        #expect(table.rows == [["INV-1", "ACME", "120", "yes"], ["INV-2", "Globex", "80.25", "no"]])
        #expect(table.totalRows == 2)
        #expect(summary.fields == [Summary.Field(label: "Total", value: "2")])
    }

    @Test func cutsLongListsAndSaysHowManyThereWere() async throws {
        let rows = (1...30).map { OrderedValue.object(["id": .int($0)]) }
        let result = ToolResult(callID: "c", toolName: "listOrders", status: 200, content: .array(rows))
        let summary = summarizer.summary(of: result, tool: try await tool("listOrders"))
        #expect(summary.headline == "Found 30 orders.")
        #expect(summary.table?.rows.count == 20)
        #expect(summary.table?.totalRows == 30)
    }

    @Test func saysWhenAListIsEmpty() async throws {
        let result = ToolResult(callID: "c", toolName: "listInvoices", status: 200, content: .array([]))
        let summary = summarizer.summary(of: result, tool: try await tool("listInvoices"))
        #expect(summary.headline == "No invoices found.")
        #expect(summary.table == nil)
    }

    @Test func saysWhatWasCreated() async throws {
        let result = ToolResult(
            callID: "c", toolName: "createInvoice", status: 201,
            content: .object(["id": .string("INV-3"), "status": .string("draft")]))
        #expect(summarizer.summary(of: result, tool: try await tool("createInvoice")).headline == "Created invoice INV-3, status draft.")
    }

    @Test func saysPlainlyWhenTheActionFailed() async throws {
        let result = ToolResult(
            callID: "c", toolName: "getOrder", status: 404, content: .object(["error": .object(["message": .string("Order not found.")])]))
        #expect(result.isError)
        let summary = summarizer.summary(of: result, tool: try await tool("getOrder"))
        #expect(summary.headline == "Get Order failed with status 404: Order not found.")
    }

    @Test func repeatsTextResultsAndConfirmsEmptyOnes() async throws {
        let text = ToolResult(callID: "c", toolName: "cancelOrder", status: 200, content: .string("Cancelled."))
        #expect(summarizer.summary(of: text, tool: nil).headline == "Cancelled.")
        let empty = ToolResult(callID: "c", toolName: "deleteInvoice", status: 204, content: .null)
        #expect(summarizer.summary(of: empty, tool: try await tool("deleteInvoice")).headline == "Delete Invoice succeeded.")
    }
}

extension ResultSummarizerTests {
    @Test func presentsAnObjectWithoutIdentityOrStatus() async throws {
        let result = ToolResult(callID: "c", toolName: "getOrder", status: 200, content: .object(["note": .string("fragile")]))
        let summary = summarizer.summary(of: result, tool: try await tool("getOrder"))
        #expect(summary.headline == "Here is the order.")
        #expect(summary.fields == [Summary.Field(label: "Note", value: "fragile")])
    }

    @Test func saysWhenAnActionDidNotComplete() async throws {
        let declined = ToolResult(callID: "c", toolName: "createInvoice", content: .string("The user declined."), isError: true)
        let summary = summarizer.summary(of: declined, tool: try await tool("createInvoice"))
        #expect(summary.headline == "Create Invoice did not complete: The user declined.")
    }
}
