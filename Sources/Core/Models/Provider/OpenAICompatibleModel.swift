import HTTPCore
import YAML

/// A chat-completions provider with tool calling: OpenAI, or any server that speaks its API
/// (vLLM, Ollama, LiteLLM, llama.cpp).
///
/// Requests go through the given ``HTTPSending`` (the egress-guarded ``HTTPClient``), so its
/// timeouts and egress policy apply: a provider on an internal address must be allowed there.
/// Only the conversation and the tool descriptions are sent, and the key only as the bearer
/// token (see the credential contract on ``LanguageModel``).
///
/// ```swift
/// let model = OpenAICompatibleModel(
///     configuration: OpenAIConfiguration(baseURL: "https://api.openai.com/v1", apiKey: key, model: "gpt-4o-mini"),
///     client: httpClient)
/// let turn = try model.respond(to: [.system(instructions), .user(text)], tools: tools)
/// ```
public struct OpenAICompatibleModel: LanguageModel {
    /// Where and what to call.
    public var configuration: OpenAIConfiguration
    /// Sends the requests.
    public var client: any HTTPSending
    /// Gives summaries their key fields and tables; the provider writes the headline.
    public var summarizer: ResultSummarizer

    /// Creates a model.
    public init(configuration: OpenAIConfiguration, client: any HTTPSending, summarizer: ResultSummarizer = ResultSummarizer()) {
        self.configuration = configuration
        self.client = client
        self.summarizer = summarizer
    }

    /// Limits for the ``HTTPClient`` a provider is called through: models take long to answer
    /// (a read timeout of 2 minutes, 3 for the whole exchange), and answers are small (4 MiB cap).
    public static func clientConfiguration(egressPolicy: EgressPolicy = EgressPolicy()) -> HTTPClientConfiguration {
        HTTPClientConfiguration(
            connectTimeout: .seconds(10), readTimeout: .seconds(120), exchangeTimeout: .seconds(180),
            maxResponseBodyBytes: 4 << 20, egressPolicy: egressPolicy)
    }

    /// One chat completion with the tools offered (`tool_choice: auto`).
    public func respond(to conversation: [ModelMessage], tools: [ToolDescription]) throws(ModelError) -> ModelTurn {
        let body = ChatCompletionRequest.body(configuration: configuration, conversation: conversation, tools: tools)
        return try ChatCompletionReply.turn(from: post(body))
    }

    /// The provider writes the reply from the result (`tool_choice: "none"`, so it answers in
    /// text); the key fields, table and raw JSON come from ``ResultSummarizer``.
    public func summarize(result: ToolResult, of tool: ToolDescription?, conversation: [ModelMessage]) throws(ModelError) -> Summary {
        var messages = conversation
        if messages.last != .tool(result) {
            if !messages.contains(where: {
                if case .assistant(_, let calls) = $0 { calls.contains { $0.id == result.callID } } else { false }
            }) {
                messages.append(.assistant(text: "", toolCalls: [ToolCall(id: result.callID, name: result.toolName)]))
            }
            messages.append(.tool(result))
        }
        var summary = summarizer.summary(of: result, tool: tool)
        let body = ChatCompletionRequest.body(
            configuration: configuration, conversation: messages, tools: tool.map { [$0] } ?? [], allowsToolCalls: false)
        if case .text(let text) = try ChatCompletionReply.turn(from: post(body)), !text.trimmingSpaces.isEmpty {
            summary.headline = text
        }
        return summary
    }

    private func post(_ body: OrderedValue) throws(ModelError) -> [UInt8] {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        headers.add("Accept", "application/json")
        if !configuration.apiKey.isEmpty { headers.add("Authorization", "Bearer \(configuration.apiKey)") }
        let url: HTTPURL
        do { url = try HTTPURL(configuration.completionsURL) } catch {
            throw .invalidConfiguration("the provider URL is not usable: \(error)")
        }
        let request = ClientRequest(method: .post, url: url, headers: headers, body: Array(body.jsonText().utf8))
        let response: ClientResponse
        do { response = try client.send(request) } catch {
            if case .egressRefused(let refusal) = error { throw .refusedByEgress(refusal) }
            throw .transport(error)
        }
        guard (200..<300).contains(response.status.code) else {
            throw .httpStatus(code: response.status.code, message: ChatCompletionReply.errorMessage(from: response.body))
        }
        return response.body
    }
}
