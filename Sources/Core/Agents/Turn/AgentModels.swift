import HTTPCore

/// Chooses the language model of an agent: the built-in offline model for "offline", else a
/// provider (when one is configured) asked for the agent's model name.
///
/// ```swift
/// let models = AgentModels.choosing(provider: configuration, client: try HTTPClient(configuration: OpenAICompatibleModel.clientConfiguration()))
/// let runner = AgentRunner(executor: executor, models: models)
/// ```
public struct AgentModels: Sendable {
    private let make: @Sendable (Agent) -> any LanguageModel

    /// A chooser from a closure (tests give a recording model).
    public init(_ make: @escaping @Sendable (Agent) -> any LanguageModel) {
        self.make = make
    }

    /// The offline model for every agent.
    public static let offline = AgentModels { _ in OfflineModel() }

    /// The offline model for agents set to "offline" and whenever no provider is configured;
    /// else the provider with the agent's model name.
    public static func choosing(provider: OpenAIConfiguration?, client: any HTTPSending) -> AgentModels {
        AgentModels { agent in
            guard let provider, !agent.usesOfflineModel else { return OfflineModel() }
            var configuration = provider
            configuration.model = agent.model
            return OpenAICompatibleModel(configuration: configuration, client: client)
        }
    }

    /// The model for `agent`.
    public func model(for agent: Agent) -> any LanguageModel { make(agent) }
}
