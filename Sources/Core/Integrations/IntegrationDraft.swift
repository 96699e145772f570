import OpenAPI

/// What the review step shows after an import: the name, base URL, actions and authentication
/// the schema suggests, for the admin to change before saving.
///
/// ```swift
/// let result = OpenAPIImporter().import(data: bytes, sourceURL: url, loader: HTTPSchemaLoader(client: client))
/// let draft = try IntegrationDraft(result, schemaText: text, sourceURL: url)
/// let integration = try store.create(draft, choices: draft.defaultChoices, secrets: secrets, by: .user(adminID))
/// ```
public struct IntegrationDraft: Sendable {
    /// One detected endpoint as the review table shows it.
    public struct DraftAction: Sendable, Hashable {
        /// Its identity key (`GET /users/{}`); ``ActionChoice`` refers to it.
        public var operationKey: String
        /// The operation.
        public var operation: APIOperation
        /// The generated name.
        public var name: String
        /// Read or write, as the schema says.
        public var access: APIOperation.Access
        /// Whether it starts enabled (deprecated operations start disabled).
        public var isEnabled: Bool
    }

    /// From `info.title`.
    public var name: String
    /// From `info.description`.
    public var description: String
    /// The schema's server URL, nil when it gives none (the admin must then enter one).
    public var baseURL: String?
    /// Every server the schema names (the first is `baseURL`), for the admin to pick another
    /// (a sandbox, a region).
    public var serverURLs: [String]
    /// The detected endpoints in document order.
    public var actions: [DraftAction]
    /// The import's warnings.
    public var warnings: [Diagnostic]
    /// Authentication pre-filled from the schema's security schemes (the first one we can use).
    public var suggestedAuth: AuthConfiguration
    /// The schema text as imported.
    public var schemaText: String
    /// Where it was fetched from.
    public var sourceURL: String?

    /// Builds the draft of an import; a failed import is a ``DomainError`` with its reason
    /// (field `schema`), for the form to show beside the pasted text.
    public init(_ result: ImportResult, schemaText: String, sourceURL: String?) throws(DomainError) {
        guard let document = result.document else {
            let reason = result.failure.map { "\($0)" } ?? "the schema could not be imported"
            throw DomainError(.invalid, "The schema cannot be used: \(reason).", field: "schema")
        }
        name = document.title
        description = document.description ?? ""
        baseURL = document.baseURL
        serverURLs = document.serverURLs
        actions = document.operations.map { operation in
            DraftAction(
                operationKey: operation.identity.key, operation: operation, name: operation.name, access: operation.access,
                isEnabled: !operation.isDeprecated)
        }
        warnings = result.diagnostics
        suggestedAuth = Self.suggestedAuth(document)
        self.schemaText = schemaText
        self.sourceURL = sourceURL
    }

    /// The review form's starting values: everything as detected, global scope.
    public var defaultChoices: IntegrationChoices {
        IntegrationChoices(
            name: name, description: description, baseURL: baseURL ?? "", scope: .global, auth: suggestedAuth,
            actions: actions.map { ActionChoice(operationKey: $0.operationKey, name: $0.name, isEnabled: $0.isEnabled) })
    }

    /// The first security scheme the document requires (else declares) that maps to a method.
    static func suggestedAuth(_ document: APIDocument) -> AuthConfiguration {
        let required = document.security.flatMap(\.items).map(\.schemeName)
        let ordered =
            required.compactMap { name in document.securitySchemes.first { $0.name == name } } + document.securitySchemes
        for scheme in ordered {
            switch scheme.kind {
            case .http(let scheme, _) where scheme == "bearer": return .bearer
            case .http(let scheme, _) where scheme == "basic": return .basic(preEncoded: false)
            case .apiKey(let name, .header): return .customHeaders([name])
            case .apiKey(let name, .query): return .apiKeyQuery(name)
            case .oauth2(let flows):
                guard let flow = flows.authorizationCode else { continue }
                return .oauth2(
                    OAuthClientSettings(
                        authorizationURL: flow.authorizationURL ?? "", tokenURL: flow.tokenURL ?? "", clientID: "",
                        scopes: flow.scopes.map(\.name)))
            default: continue
            }
        }
        return .none
    }
}
