import AppTesting
import Core
import Foundation
import HTTPCore
import OpenAPI

/// The orders and invoices API of Tests/peers/orders_api.py, started once for the test process
/// with credentials chosen here; it exits when the test process closes its standard input.
enum OrdersPeer {
    static let bearerToken = "peer-bearer-7c9f4f2a1b3e5d60"
    static let basicUser = "accountant"
    static let basicPassword = "peer-basic-pw-91ab3c55e7"
    static let apiKey = "peer-header-key-2b8d0e6f4a"
    static let queryKey = "peer-query-key-5e1c9d7b3f"

    private static let started = Result {
        try PythonPeer(
            script: "orders_api.py",
            environment: [
                "ORDERS_BEARER_TOKEN": bearerToken, "ORDERS_BASIC_USER": basicUser, "ORDERS_BASIC_PASSWORD": basicPassword,
                "ORDERS_API_KEY": apiKey, "ORDERS_QUERY_KEY": queryKey,
            ])
    }

    /// The running peer; a missing virtual environment fails here with what to run.
    static func peer() throws -> PythonPeer { try started.get() }

    /// A client allowed to reach 127.0.0.1 (and nothing else private).
    static func client(readTimeout: Duration = .seconds(10)) throws -> HTTPClient {
        var configuration = HTTPClientConfiguration()
        configuration.egressPolicy = try EgressPolicy(allowList: "127.0.0.1")
        configuration.readTimeout = readTimeout
        return try HTTPClient(configuration: configuration)
    }
}

/// An integrations fixture plus the peer, a client and helpers to import the peer's schema.
struct ActionsFixture {
    let integrations: IntegrationsFixture
    let peer: PythonPeer
    let client: HTTPClient

    init() throws {
        integrations = try IntegrationsFixture()
        peer = try OrdersPeer.peer()
        client = try OrdersPeer.client()
    }

    var schemaURL: String { peer.baseURL + "/openapi.json" }

    /// The peer's schema imported from its URL through ``HTTPSchemaLoader``.
    func draft() throws -> IntegrationDraft {
        let loader = HTTPSchemaLoader(client: client)
        let bytes = try loader.load(schemaURL)
        let result = OpenAPIImporter().import(data: bytes, sourceURL: schemaURL, loader: loader)
        return try IntegrationDraft(result, schemaText: String(decoding: bytes, as: UTF8.self), sourceURL: schemaURL)
    }

    /// Saves the peer's API as an integration; returns it and its actions by operationId.
    func integrate(
        _ auth: AuthConfiguration, scope: IntegrationScope = .global, secrets: CredentialSecrets, name: String = "Orders API"
    ) throws -> (integration: Integration, actions: [String: IntegrationAction]) {
        let draft = try draft()
        var choices = draft.defaultChoices
        choices.name = name
        choices.baseURL = peer.baseURL
        choices.auth = auth
        choices.scope = scope
        let integration = try integrations.store().create(draft, choices: choices, secrets: secrets, by: .user(integrations.owner.id))
        let actions = try integrations.store().actions(of: integration.id)
        return (integration, Dictionary(uniqueKeysWithValues: actions.map { ($0.operation.operationID ?? $0.name, $0) }))
    }

    func executor(tokenProvider: (any TokenProvider)? = nil, client: (any HTTPSending)? = nil) -> ActionExecutor {
        ActionExecutor(
            database: integrations.database, companyID: integrations.company.id, vault: integrations.vault, client: client ?? self.client,
            tokenProvider: tokenProvider ?? StoredTokenProvider(credentials: integrations.credentials()), clock: integrations.clock)
    }

    var ownerContext: ActionRunContext { ActionRunContext(userID: integrations.owner.id, agentID: nil) }
}

extension ActionOutcome {
    /// The result, when the API answered.
    var result: ActionResult? {
        if case .completed(let result) = self { return result }
        return nil
    }

    /// The problems, when the arguments were refused.
    var problems: [ArgumentProblem] {
        if case .invalidArguments(let problems) = self { return problems }
        return []
    }
}
