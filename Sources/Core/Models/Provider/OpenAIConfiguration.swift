/// Where an OpenAI-compatible chat-completions provider is and how to call it
/// (`SWITCHBOARD_LLM_URL`, `SWITCHBOARD_LLM_KEY`, `SWITCHBOARD_LLM_MODEL`).
///
/// The key is never printed: `description` shows only its last four characters.
public struct OpenAIConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// The API's base URL, for example `https://api.openai.com/v1`; requests go to
    /// `{baseURL}/chat/completions`.
    public var baseURL: String
    /// The bearer key; empty for local servers that need none.
    public var apiKey: String
    /// The model name sent as `model`.
    public var model: String
    /// Sampling temperature; nil leaves the provider's default.
    public var temperature: Double?
    /// The most characters of one tool result sent to the provider; a longer result is cut and
    /// says so, so one large list cannot fill the model's context.
    public var maximumToolResultCharacters: Int

    /// Creates a configuration.
    public init(
        baseURL: String, apiKey: String = "", model: String, temperature: Double? = nil, maximumToolResultCharacters: Int = 16_000
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.model = model
        self.temperature = temperature
        self.maximumToolResultCharacters = max(256, maximumToolResultCharacters)
    }

    /// The chat-completions endpoint: the base URL without trailing slashes, then `/chat/completions`.
    public var completionsURL: String {
        var base = Substring(baseURL)
        while base.hasSuffix("/") { base = base.dropLast() }
        return base + "/chat/completions"
    }

    /// "model gpt-4o-mini at https://…, key …4f2a".
    public var description: String {
        let key = apiKey.isEmpty ? "no key" : "key …\(apiKey.suffix(4))"
        return "model \(model) at \(baseURL), \(key)"
    }
}
