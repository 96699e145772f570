/// One HTTP operation of an API: what becomes an action.
///
/// Encodes to a stable JSON form (synthesised `Codable`, absent optionals omitted; encode with
/// sorted keys for byte-stable output) so it can be stored and later executed: parameters carry
/// their style and explode, the request body its schema per content type.
public struct APIOperation: Sendable, Hashable, Codable {
    /// The HTTP methods an OpenAPI path item can hold.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        case get = "GET", put = "PUT", post = "POST", delete = "DELETE"
        case options = "OPTIONS", head = "HEAD", patch = "PATCH", trace = "TRACE"

        /// Whether the method only reads (RFC 9110 §9.2.1 safe methods).
        public var isSafe: Bool {
            switch self {
            case .get, .head, .options, .trace: return true
            case .put, .post, .delete, .patch: return false
            }
        }
    }

    /// Whether running the operation reads or changes something.
    public enum Access: String, Sendable, Hashable, Codable {
        /// Runs at once.
        case read
        /// Needs the user's confirmation first.
        case write
    }

    /// The action's human name, unique within the document (see `ActionNamer`).
    public var name: String
    /// The HTTP method.
    public var method: Method
    /// The path template as written, for example `/v1/invoices/{id}`.
    public var pathTemplate: String
    /// `operationId`, when the document gives one.
    public var operationID: String?
    /// `summary`.
    public var summary: String?
    /// `description`.
    public var description: String?
    /// `tags`.
    public var tags: [String]
    /// `deprecated`.
    public var isDeprecated: Bool
    /// Path, query, header and cookie parameters, path-level ones merged in.
    public var parameters: [Parameter]
    /// The request body, when the operation takes one.
    public var requestBody: RequestBody?
    /// The responses by status code, in document order.
    public var responses: [Response]
    /// The operation's own security requirement; `nil` means the document's applies.
    public var security: [SecurityRequirement]?
    /// A base URL of the operation's own (OpenAPI 3 operation or path `servers`), when it has one.
    public var baseURL: String?
    /// Whether running it needs the user's confirmation: `x-openai-isConsequential` when present,
    /// otherwise true for every method that is not safe.
    public var isConsequential: Bool

    /// Creates an operation.
    public init(
        name: String, method: Method, pathTemplate: String, operationID: String? = nil, summary: String? = nil,
        description: String? = nil, tags: [String] = [], isDeprecated: Bool = false, parameters: [Parameter] = [],
        requestBody: RequestBody? = nil, responses: [Response] = [], security: [SecurityRequirement]? = nil,
        baseURL: String? = nil, isConsequential: Bool? = nil
    ) {
        self.name = name
        self.method = method
        self.pathTemplate = pathTemplate
        self.operationID = operationID
        self.summary = summary
        self.description = description
        self.tags = tags
        self.isDeprecated = isDeprecated
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.security = security
        self.baseURL = baseURL
        self.isConsequential = isConsequential ?? !method.isSafe
    }

    /// Read or write, from `isConsequential`.
    public var access: Access { isConsequential ? .write : .read }

    /// The identity that survives re-imports (see `OperationIdentity`).
    public var identity: OperationIdentity {
        OperationIdentity(method: method, pathTemplate: pathTemplate, operationID: operationID)
    }
}
