import HTTPCore

/// Why a model could not answer, with a message an admin can act on.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    /// The model's configuration cannot be used (no URL, a URL that does not parse).
    case invalidConfiguration(String)
    /// The egress policy refused the provider's address; add it to the allow-list to use it.
    case refusedByEgress(EgressRefusal)
    /// The provider could not be reached or did not answer in time.
    case transport(HTTPClientError)
    /// The provider answered with an error status; `message` is its error message, shortened.
    case httpStatus(code: Int, message: String)
    /// The provider's answer is not the chat-completions JSON expected.
    case malformedResponse(String)

    /// The message for the admin.
    public var description: String {
        switch self {
        case .invalidConfiguration(let reason): "language model configuration: \(reason)"
        case .refusedByEgress(let refusal): "the language model provider is not allowed: \(refusal)"
        case .transport(let error): "the language model provider could not be reached: \(error)"
        case .httpStatus(let code, let message):
            message.isEmpty
                ? "the language model provider answered with status \(code)"
                : "the language model provider answered with status \(code): \(message)"
        case .malformedResponse(let reason): "the language model provider's answer is not understood: \(reason)"
        }
    }
}
