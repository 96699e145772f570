import Core
import Foundation
import Testing

/// Which model answers an agent, and what a member sees when it cannot.
@Suite struct AgentModelsTests {
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

    @Test func aModelThatCannotAnswerBecomesAReplySayingSo() throws {
        let fixture = try AgentsFixture(tools: ["getOrder"])
        let provider = try FakeChatProvider(replies: [])
        defer { provider.stop() }
        var agent = fixture.agent
        agent.model = "test-model"
        _ = try fixture.agents().update(agent.id, AgentDraft(agent), by: .user(fixture.member.id))
        let configuration = OpenAIConfiguration(baseURL: provider.baseURL, model: "default-model")
        let conversation = try fixture.conversation()
        let added = try fixture.runner(models: .choosing(provider: configuration, client: fixture.client))
            .send("What's the status of order 2?", in: conversation.id, as: fixture.caller)
        #expect(added.map(\.role) == [.user, .assistant])
        #expect(added.last?.text.hasPrefix("The language model could not answer") == true)
        #expect(provider.received.count == 1)
    }
}
