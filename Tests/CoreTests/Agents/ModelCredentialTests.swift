import Core
import Foundation
import Synchronization
import Testing

/// A model that writes down everything it is given, then answers as `answer` says (the offline
/// model by default).
final class RecordingModel: LanguageModel {
    private let inner = OfflineModel()
    private let answer: @Sendable ([ModelMessage], [ToolDescription]) -> ModelTurn?
    private let recorded = Mutex<[[ModelMessage]]>([])
    private let recordedTools = Mutex<[ToolDescription]>([])

    init(answer: @escaping @Sendable ([ModelMessage], [ToolDescription]) -> ModelTurn? = { _, _ in nil }) {
        self.answer = answer
    }

    /// Every conversation the model was given, in order.
    var conversations: [[ModelMessage]] { recorded.withLock { $0 } }

    /// Everything given to the model so far, as JSON text.
    var transcript: String {
        let encoder = JSONEncoder()
        let parts = [(try? encoder.encode(conversations)), (try? encoder.encode(recordedTools.withLock { $0 }))].compactMap { $0 }
        return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    func respond(to conversation: [ModelMessage], tools: [ToolDescription]) throws(ModelError) -> ModelTurn {
        recorded.withLock { $0.append(conversation) }
        recordedTools.withLock { $0 += tools }
        return answer(conversation, tools) ?? inner.respond(to: conversation, tools: tools)
    }

    func summarize(result: ToolResult, of tool: ToolDescription?, conversation: [ModelMessage]) throws(ModelError) -> Summary {
        recorded.withLock { $0.append(conversation + [.tool(result)]) }
        return inner.summarize(result: result, of: tool, conversation: conversation)
    }
}

/// Nothing given to a model contains a credential, even when the API echoes it back.
@Suite struct ModelCredentialTests {
    @Test func theModelNeverSeesTheBearerTokenTheAPIEchoes() throws {
        let fixture = try AgentsFixture(
            auth: .bearer, secrets: CredentialSecrets(token: OrdersPeer.bearerToken), tools: ["getOrder", "echoSecret"])
        let model = RecordingModel()
        let runner = fixture.runner(models: AgentModels { _ in model })
        let conversation = try fixture.conversation()
        let added = try runner.send("Echo the secret", in: conversation.id, as: fixture.caller)
        #expect(added.results.first?.status == 200)
        _ = try runner.send("What's the status of order 2?", in: conversation.id, as: fixture.caller)
        #expect(model.transcript.contains("[redacted]"))
        #expect(!model.transcript.contains(OrdersPeer.bearerToken))
        let shown = try fixture.conversations().get(conversation.id, for: fixture.member.id).messages
        #expect(!shown.results.contains { $0.bodyPreview.contains(OrdersPeer.bearerToken) })
    }

    @Test func theModelNeverSeesACustomHeaderValueTheAPIEchoes() throws {
        let fixture = try AgentsFixture(tools: ["echoSecret"])
        let model = RecordingModel()
        let conversation = try fixture.conversation()
        _ = try fixture.runner(models: AgentModels { _ in model }).send("Echo the secret", in: conversation.id, as: fixture.caller)
        #expect(!model.transcript.contains(OrdersPeer.apiKey))
        #expect(!model.transcript.contains(OrdersPeer.bearerToken))
    }

    @Test func aProviderReceivesNeitherTheTokenNorTheKeyOverTheWire() throws {
        let fixture = try AgentsFixture(
            auth: .bearer, secrets: CredentialSecrets(token: OrdersPeer.bearerToken), tools: ["getOrder", "echoSecret"])
        let names = Dictionary(
            uniqueKeysWithValues: try fixture.agents().enabledTools(of: fixture.agent.id).map {
                ($0.description.title, $0.description.name)
            })
        let echo = try #require(names.first { $0.key.contains("Secret") }?.value)
        let getOrder = try #require(names.first { $0.key.contains("Order") }?.value)
        let provider = try FakeChatProvider(replies: [
            FakeChatProvider.toolCalls([("c1", echo, "{}"), ("c2", getOrder, #"{"order_id": 2}"#)]),
            FakeChatProvider.text("Here is what I found."),
        ])
        defer { provider.stop() }
        var agent = fixture.agent
        agent.model = "test-model"
        _ = try fixture.agents().update(agent.id, AgentDraft(agent), by: .user(fixture.member.id))
        let configuration = OpenAIConfiguration(baseURL: provider.baseURL, apiKey: "model-key-123", model: "default-model")
        let runner = fixture.runner(models: .choosing(provider: configuration, client: fixture.client))
        let conversation = try fixture.conversation()
        let added = try runner.send("Echo the secret and get order 2", in: conversation.id, as: fixture.caller)
        #expect(added.results.map(\.status) == [200, 200])
        #expect(added.replies.last == "Here is what I found.")
        let bodies = provider.received.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies.count == 2)
        #expect(bodies.allSatisfy { $0.contains("\"test-model\"") })
        #expect(bodies.last?.contains("[redacted]") == true)
        #expect(bodies.last?.contains("\"c2\"") == true)
        #expect(!bodies.contains { $0.contains(OrdersPeer.bearerToken) || $0.contains(OrdersPeer.apiKey) })
    }
}
