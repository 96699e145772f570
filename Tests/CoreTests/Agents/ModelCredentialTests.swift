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

    @Test func agentsChooseTheOfflineModelUnlessAProviderIsConfigured() throws {
        let fixture = try AgentsFixture(tools: [])
        let client = fixture.client
        var agent = fixture.agent
        agent.model = "gpt-4o-mini"
        #expect(AgentModels.choosing(provider: nil, client: client).model(for: agent) is OfflineModel)
        let provider = OpenAIConfiguration(baseURL: "http://127.0.0.1:9/v1", apiKey: "sk-test", model: "default-model")
        let chosen = try #require(AgentModels.choosing(provider: provider, client: client).model(for: agent) as? OpenAICompatibleModel)
        #expect(chosen.configuration.model == "gpt-4o-mini")
        agent.model = Agent.offlineModel
        #expect(AgentModels.choosing(provider: provider, client: client).model(for: agent) is OfflineModel)
    }
}
