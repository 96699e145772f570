/// An imported API, normalised from Swagger 2.0, OpenAPI 3.0 or 3.1 to one model.
public struct APIDocument: Sendable, Hashable, Codable {
    /// The specification the document follows.
    public var specVersion: SpecVersion
    /// `info.title`.
    public var title: String
    /// `info.description`.
    public var description: String?
    /// `info.version`, the version of the API itself.
    public var version: String
    /// The absolute URL requests go to, without a trailing slash; `nil` when the document gives
    /// none that can be made absolute (a warning says so).
    public var baseURL: String?
    /// Every server the document names that can be made absolute, in document order (the first
    /// is `baseURL`): production, sandbox and regional servers for the admin to choose from.
    public var serverURLs: [String]
    /// Every operation under `paths`, in document order.
    public var operations: [APIOperation]
    /// The security schemes, in document order.
    public var securitySchemes: [SecurityScheme]
    /// The document-wide security requirement; operations without their own use this one.
    public var security: [SecurityRequirement]
    /// Every schema a `$ref` points at, by `Schema.reference` key, each with its own references
    /// kept as references; argument schemas in operations are already inlined from this table.
    public var schemas: [String: Schema]

    /// Creates a document.
    public init(
        specVersion: SpecVersion, title: String, description: String?, version: String, baseURL: String?, serverURLs: [String],
        operations: [APIOperation], securitySchemes: [SecurityScheme], security: [SecurityRequirement],
        schemas: [String: Schema]
    ) {
        self.specVersion = specVersion
        self.title = title
        self.description = description
        self.version = version
        self.baseURL = baseURL
        self.serverURLs = serverURLs
        self.operations = operations
        self.securitySchemes = securitySchemes
        self.security = security
        self.schemas = schemas
    }

    /// The security requirement that applies to `operation`: its own, or the document's.
    public func effectiveSecurity(of operation: APIOperation) -> [SecurityRequirement] {
        operation.security ?? security
    }
}
