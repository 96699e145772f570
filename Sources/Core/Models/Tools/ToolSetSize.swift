/// How big an agent's enabled tools are for a model: how many, and roughly how many tokens their
/// descriptions take in every request, with a warning when there are too many to choose well.
///
/// The size is that of the `tools` JSON a provider is sent (``OpenAICompatibleModel``); tokens
/// are estimated at four characters each, the usual rule of thumb for English and JSON.
public struct ToolSetSize: Sendable, Hashable {
    /// Past this many tools, models pick the wrong one noticeably more often.
    public static let recommendedToolCount = 20
    /// The most tools chat-completions providers accept in one request (OpenAI: 128).
    public static let providerToolLimit = 128
    /// Past this many estimated tokens, the descriptions crowd the conversation out.
    public static let recommendedTokens = 8_000

    /// How many tools.
    public var toolCount: Int
    /// The characters of their JSON descriptions.
    public var characters: Int
    /// The estimated tokens of their descriptions.
    public var estimatedTokens: Int

    /// Measures `tools`.
    public init(_ tools: [ToolDescription]) {
        toolCount = tools.count
        characters = tools.reduce(0) { $0 + ChatCompletionRequest.tool($1).jsonText().count }
        estimatedTokens = (characters + 3) / 4
    }

    /// What to tell the person choosing tools, or nil when the set is a comfortable size.
    public var warning: String? {
        if toolCount > Self.providerToolLimit {
            return "\(toolCount) tools are more than a language model provider accepts (\(Self.providerToolLimit)); switch some off."
        }
        if toolCount > Self.recommendedToolCount || estimatedTokens > Self.recommendedTokens {
            return "\(toolCount) tools (about \(estimatedTokens) tokens) are more than a model chooses among well; "
                + "keep the ones this agent needs."
        }
        return nil
    }
}
