import Foundation
import Testing
import YAML

@testable import Core

@Suite struct ModelMessageCodableTests {
    @Test func storesAConversationAsJSONAndReadsItBack() throws {
        let call = ToolCall(id: "c1", name: "createInvoice", arguments: ["customer": .string("ACME")])
        let conversation: [ModelMessage] = [
            .system("Be brief."), .user("Create an invoice for ACME"), .assistant(text: "", toolCalls: [call]),
            .tool(ToolResult(callID: "c1", toolName: "createInvoice", status: 201, content: .object(["id": .string("INV-1")]))),
            .assistant("Created invoice INV-1."),
        ]
        // Sorted keys: Foundation's encoder on Linux writes keys in no fixed order.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(conversation)
        #expect(try JSONDecoder().decode([ModelMessage].self, from: data) == conversation)
        let first = try #require(try JSONReader().read(Array(data)).arrayValue?.first)
        #expect(first == .object(["role": .string("system"), "text": .string("Be brief.")]))
    }

    @Test func storesAParameterRequestAndASummary() async throws {
        let tools = try await OrdersAPI.tools()
        guard case .missingParameters(let request) = OfflineModel().respond(to: [.user("new invoice")], tools: tools) else {
            Issue.record("expected a parameter request")
            return
        }
        #expect(try JSONDecoder().decode(ParameterRequest.self, from: JSONEncoder().encode(request)) == request)
        let summary = Summary(
            headline: "Found 1 order.", fields: [Summary.Field(label: "Total", value: "1")],
            table: Summary.Table(columns: ["ID"], rows: [["42"]], totalRows: 1), rawJSON: "[{\"id\": 42}]")
        #expect(try JSONDecoder().decode(Summary.self, from: JSONEncoder().encode(summary)) == summary)
    }

    @Test func refusesToolCallArgumentsThatAreNotAnObject() {
        let text = #"{"role": "assistant", "text": "", "toolCalls": [{"id": "a", "name": "n", "arguments": [1]}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ModelMessage.self, from: Data(text.utf8)) }
    }
}
