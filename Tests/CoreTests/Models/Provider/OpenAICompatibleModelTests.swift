import HTTPCore
import Testing
import YAML

@testable import Core

@Suite struct OpenAICompatibleModelTests {
    private static func client(allowLoopback: Bool = true) throws -> HTTPClient {
        let policy = allowLoopback ? try EgressPolicy(allowList: "127.0.0.1") : EgressPolicy()
        return try HTTPClient(
            configuration: HTTPClientConfiguration(
                connectTimeout: .seconds(5), readTimeout: .seconds(5), exchangeTimeout: .seconds(10), egressPolicy: policy))
    }

    private static func model(_ provider: FakeChatProvider, client: HTTPClient? = nil) throws -> OpenAICompatibleModel {
        OpenAICompatibleModel(
            configuration: OpenAIConfiguration(baseURL: provider.baseURL + "/", apiKey: "model-key-123", model: "test-model"),
            client: try client ?? Self.client())
    }

    private static func body(_ request: HTTPRequest) throws -> OrderedValue {
        try JSONReader().read(request.body)
    }

    @Test func sendsTheConversationAndToolsAndReadsOneToolCall() async throws {
        let provider = try FakeChatProvider(replies: [FakeChatProvider.toolCalls([("call_1", "getOrder", #"{"orderId": 42}"#)])])
        defer { provider.stop() }
        let tools = try await OrdersAPI.tools()
        let turn = try Self.model(provider).respond(to: [.system("Be brief."), .user("Status of order 42?")], tools: tools)
        #expect(turn == .toolCalls([ToolCall(id: "call_1", name: "getOrder", arguments: ["orderId": .int(42)])]))

        let request = try #require(provider.received.first)
        #expect(request.method == .post)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["Authorization"] == "Bearer model-key-123")
        #expect(request.headers["Content-Type"] == "application/json")
        let body = try Self.body(request)
        #expect(body["model"] == .string("test-model"))
        #expect(body["tool_choice"] == .string("auto"))
        #expect(
            body["messages"]
                == .array([
                    .object(["role": .string("system"), "content": .string("Be brief.")]),
                    .object(["role": .string("user"), "content": .string("Status of order 42?")]),
                ]))
        let sentTools = try #require(body["tools"]?.arrayValue)
        #expect(sentTools.count == tools.count)
        let getOrder = try #require(sentTools.first { $0["function"]?["name"] == .string("getOrder") })
        #expect(getOrder["type"] == .string("function"))
        #expect(getOrder["function"]?["parameters"]?["required"] == .array([.string("orderId")]))
        #expect(getOrder["function"]?["description"]?.stringValue?.hasPrefix("Get Order: Get an order") == true)
    }

    @Test func readsSeveralToolCallsInOneTurn() throws {
        let provider = try FakeChatProvider(replies: [
            FakeChatProvider.toolCalls([
                ("a", "getOrder", #"{"orderId": 1}"#), ("b", "getOrder", #"{"orderId": 2}"#), ("c", "listInvoices", ""),
            ])
        ])
        defer { provider.stop() }
        let turn = try Self.model(provider).respond(to: [.user("orders 1 and 2, and my invoices")], tools: [])
        #expect(
            turn
                == .toolCalls([
                    ToolCall(id: "a", name: "getOrder", arguments: ["orderId": .int(1)]),
                    ToolCall(id: "b", name: "getOrder", arguments: ["orderId": .int(2)]),
                    ToolCall(id: "c", name: "listInvoices"),
                ]))
        // Without tools, neither tools nor tool_choice is sent.
        let body = try Self.body(try #require(provider.received.first))
        #expect(body["tools"] == nil)
        #expect(body["tool_choice"] == nil)
    }

    @Test func readsATextAnswer() throws {
        let provider = try FakeChatProvider(replies: [FakeChatProvider.text("Hello! How can I help?")])
        defer { provider.stop() }
        #expect(try Self.model(provider).respond(to: [.user("hi")], tools: []) == .text("Hello! How can I help?"))
    }

    @Test(arguments: [
        (
            401, #"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#,
            ModelError.httpStatus(code: 401, message: "Incorrect API key provided")
        ),
        (429, #"{"error":"rate limited"}"#, .httpStatus(code: 429, message: "rate limited")),
        (500, "<html>Internal Server Error</html>", .httpStatus(code: 500, message: "")),
        (200, #"{"object":"list"}"#, .malformedResponse("no \"choices\" array")),
        (
            200, #"{"choices":[{"message":{"role":"assistant"}}]}"#,
            .malformedResponse("choices[0].message has neither content nor tool_calls")
        ),
    ])
    func failsWithATypedError(status: Int, body: String, expected: ModelError) throws {
        let provider = try FakeChatProvider(replies: [FakeChatProvider.Reply(status: status, body: body)])
        defer { provider.stop() }
        let model = try Self.model(provider)
        #expect(throws: expected) { try model.respond(to: [.user("hi")], tools: []) }
    }

    @Test func refusesAnAnswerThatIsNotJSON() throws {
        let provider = try FakeChatProvider(replies: [FakeChatProvider.Reply(status: 200, body: "not json")])
        defer { provider.stop() }
        let model = try Self.model(provider)
        do {
            _ = try model.respond(to: [.user("hi")], tools: [])
            Issue.record("expected an error")
        } catch {
            guard case .malformedResponse(let reason) = error else {
                Issue.record("expected malformedResponse, got \(error)")
                return
            }
            #expect(reason.hasPrefix("not JSON: "))
        }
    }

    @Test func refusesToolCallArgumentsThatAreNotAnObject() throws {
        let provider = try FakeChatProvider(replies: [FakeChatProvider.toolCalls([("a", "getOrder", "{oops")])])
        defer { provider.stop() }
        let model = try Self.model(provider)
        #expect(throws: ModelError.malformedResponse("tool_calls[0] (getOrder) arguments are not a JSON object")) {
            try model.respond(to: [.user("hi")], tools: [])
        }
    }

    @Test func isRefusedByTheEgressPolicyUnlessAllowed() throws {
        let provider = try FakeChatProvider(replies: [FakeChatProvider.text("never")])
        defer { provider.stop() }
        let model = try Self.model(provider, client: try Self.client(allowLoopback: false))
        do {
            _ = try model.respond(to: [.user("hi")], tools: [])
            Issue.record("expected the egress policy to refuse 127.0.0.1")
        } catch {
            guard case .refusedByEgress(let refusal) = error else {
                Issue.record("expected refusedByEgress, got \(error)")
                return
            }
            #expect(refusal.category == .loopback)
            #expect(error.description.contains("--egress-allow"))
        }
        #expect(provider.received.isEmpty)
    }

    @Test func neverSendsTheIntegrationsCredentialToTheModel() async throws {
        let secret = "sk_live_9f8e7d6c5b4a"
        let provider = try FakeChatProvider(replies: [
            FakeChatProvider.toolCalls([("call_1", "getInvoice", #"{"invoiceId": "INV-7"}"#)]),
            FakeChatProvider.text("Invoice INV-7 is paid."),
        ])
        defer { provider.stop() }
        let tools = try await OrdersAPI.tools()
        let loop = ModelLoop(model: try Self.model(provider))
        let outcome = try loop.runTurn(conversation: [.user("Is invoice INV-7 paid?")], tools: tools) { call in
            // What the executor does: sends the request with the secret, then hands back the
            // response redacted (the echoed header and the token field no longer hold it).
            let response: OrderedValue = .object([
                "id": .string("INV-7"), "status": .string("paid"),
                "echo": .object(["authorization": .string("Bearer \(secret)")]), "apiToken": .string(secret),
            ])
            let redacted = Self.redacting(secret, in: response)
            return .completed(ToolResult(callID: call.id, toolName: call.name, status: 200, content: redacted))
        }
        #expect(outcome.ending == .reply("Invoice INV-7 is paid."))
        #expect(provider.received.count == 2)
        for request in provider.received {
            #expect(!String(decoding: request.body, as: UTF8.self).contains(secret))
            #expect(!request.headers.contains { $0.value.contains(secret) })
        }
        // The second request carries the call and its result as chat completions wants them.
        let messages = try #require(try Self.body(provider.received[1])["messages"]?.arrayValue)
        #expect(messages.count == 3)
        #expect(messages[1]["role"] == .string("assistant"))
        #expect(messages[1]["content"] == .null)
        #expect(messages[1]["tool_calls"]?.arrayValue?.first?["function"]?["arguments"] == .string(#"{"invoiceId":"INV-7"}"#))
        #expect(messages[2]["role"] == .string("tool"))
        #expect(messages[2]["tool_call_id"] == .string("call_1"))
        let content = try JSONReader().read(Array(try #require(messages[2]["content"]?.stringValue).utf8))
        #expect(content["status"] == .int(200))
        #expect(content["body"]?["apiToken"] == .string("[redacted]"))
    }

    @Test func summarisesWithTheProvidersWordsAndTheKeyFields() async throws {
        let provider = try FakeChatProvider(replies: [FakeChatProvider.text("Your order 42 has shipped.")])
        defer { provider.stop() }
        let tools = try await OrdersAPI.tools()
        let result = ToolResult(
            callID: "c1", toolName: "getOrder", status: 200, content: .object(["id": .int(42), "status": .string("shipped")]))
        let summary = try Self.model(provider).summarize(
            result: result, of: tools.first { $0.name == "getOrder" }, conversation: [.user("Status of order 42?")])
        #expect(summary.headline == "Your order 42 has shipped.")
        #expect(summary.fields.map(\.value) == ["42", "shipped"])
        let request = try #require(provider.received.first)
        let messages = try #require(try Self.body(request)["messages"]?.arrayValue)
        #expect(messages.map { $0["role"] } == [.string("user"), .string("assistant"), .string("tool")])
        let body = try Self.body(request)
        #expect(body["tool_choice"] == .string("none"))
        #expect(body["tools"]?.arrayValue?.count == 1)
    }

    @Test func keepsTheKeyOutOfItsDescription() {
        let configuration = OpenAIConfiguration(baseURL: "https://api.example.com/v1", apiKey: "sk-abcdefgh4f2a", model: "m")
        #expect(configuration.description == "model m at https://api.example.com/v1, key …4f2a")
        #expect(configuration.completionsURL == "https://api.example.com/v1/chat/completions")
    }

    /// What the executor's redaction does, for this test: every string holding the secret is replaced.
    private static func redacting(_ secret: String, in value: OrderedValue) -> OrderedValue {
        switch value {
        case .string(let text): return text.contains(secret) ? .string("[redacted]") : value
        case .array(let array): return .array(array.map { redacting(secret, in: $0) })
        case .object(let object):
            return .object(OrderedObject(object.entries.map { OrderedObject.Entry(key: $0.key, value: redacting(secret, in: $0.value)) }))
        default: return value
        }
    }
}

extension OpenAICompatibleModelTests {
    @Test func cutsALongToolResultAndSaysSo() {
        let configuration = OpenAIConfiguration(baseURL: "http://127.0.0.1", model: "m", maximumToolResultCharacters: 300)
        let rows = OrderedValue.array((1...100).map { .object(["id": .int($0), "name": .string("Customer \($0)")]) })
        let result = ToolResult(callID: "c", toolName: "listCustomers", status: 200, content: rows)
        let body = ChatCompletionRequest.body(configuration: configuration, conversation: [.tool(result)], tools: [])
        let content = body["messages"]?.arrayValue?.first?["content"]?.stringValue ?? ""
        #expect(content.hasPrefix(#"{"status":200,"body":[{"id":1,"name":"Customer 1"}"#))
        #expect(content.hasSuffix("(result cut: 300 of 3107 characters shown)"))
    }

    @Test func givesProvidersPatientClientLimits() throws {
        let configuration = OpenAICompatibleModel.clientConfiguration(egressPolicy: try EgressPolicy(allowList: "10.0.0.0/8"))
        #expect(configuration.readTimeout == .seconds(120))
        #expect(configuration.egressPolicy.allowedNetworks.count == 1)
    }
}
