import AppTesting
import Core
import Foundation
import HTTPCore
import OpenAPI
import SQLite
import Testing
import YAML

/// The orders API peer of Tests/peers/orders_api.py, started once for the agents suites (apart
/// from the actions suites' peer, so invoice counts are ours alone).
enum AgentsPeer {
    private static let started = Result {
        try PythonPeer(
            script: "orders_api.py",
            environment: [
                "ORDERS_BEARER_TOKEN": OrdersPeer.bearerToken, "ORDERS_BASIC_USER": OrdersPeer.basicUser,
                "ORDERS_BASIC_PASSWORD": OrdersPeer.basicPassword, "ORDERS_API_KEY": OrdersPeer.apiKey,
                "ORDERS_QUERY_KEY": OrdersPeer.queryKey,
            ])
    }

    static func peer() throws -> PythonPeer { try started.get() }
}

/// Two companies, the orders API as an integration of the first (bearer token and API key sent as
/// headers, so every action authenticates), an agent with tools, and the runner wired to the peer.
struct AgentsFixture {
    let integrations: IntegrationsFixture
    let peer: PythonPeer
    let client: HTTPClient
    let integration: Integration
    /// The orders API's actions by operationId.
    let actions: [String: IntegrationAction]
    let agent: Agent

    init(
        scope: IntegrationScope = .global, auth: AuthConfiguration = .customHeaders(["Authorization", "X-API-Key"]),
        secrets: CredentialSecrets = AgentsFixture.secrets, tools: [String] = ["getOrder", "listOrders", "createInvoice", "countInvoices"]
    ) throws {
        integrations = try IntegrationsFixture()
        peer = try AgentsPeer.peer()
        client = try OrdersPeer.client()
        let schemaURL = peer.baseURL + "/openapi.json"
        let loader = HTTPSchemaLoader(client: client)
        let bytes = try loader.load(schemaURL)
        let draft = try IntegrationDraft(
            OpenAPIImporter().import(data: bytes, sourceURL: schemaURL, loader: loader), schemaText: String(decoding: bytes, as: UTF8.self),
            sourceURL: schemaURL)
        var choices = draft.defaultChoices
        choices.name = "Orders API"
        choices.baseURL = peer.baseURL
        choices.auth = auth
        choices.scope = scope
        let store = integrations.store()
        integration = try store.create(
            draft, choices: choices, secrets: scope == .global ? secrets : CredentialSecrets(), by: .user(integrations.owner.id))
        actions = Dictionary(uniqueKeysWithValues: try store.actions(of: integration.id).map { ($0.operation.operationID ?? $0.name, $0) })
        let agents = AgentStore(database: integrations.database, companyID: integrations.company.id, clock: integrations.clock)
        agent = try agents.create(
            AgentDraft(name: "Orders helper", instructions: "Help with orders and invoices."), by: .user(integrations.member.id))
        try agents.setEnabledActions(of: agent.id, try tools.map { try #require(actions[$0]).id }, by: .user(integrations.member.id))
    }

    /// The connection's secrets: both headers the peer's actions ask for.
    static let secrets = CredentialSecrets(
        headerValues: ["Authorization": "Bearer \(OrdersPeer.bearerToken)", "X-API-Key": OrdersPeer.apiKey])

    var database: Database { integrations.database }
    var member: User { integrations.member }
    var owner: User { integrations.owner }
    var caller: ConversationCaller { ConversationCaller(userID: member.id) }

    func agents() -> AgentStore { AgentStore(database: database, companyID: integrations.company.id, clock: integrations.clock) }

    func conversations() -> ConversationStore {
        ConversationStore(database: database, companyID: integrations.company.id, clock: integrations.clock)
    }

    func executor() -> ActionExecutor {
        ActionExecutor(
            database: database, companyID: integrations.company.id, vault: integrations.vault, client: client,
            tokenProvider: StoredTokenProvider(credentials: integrations.credentials()), clock: integrations.clock)
    }

    func runner(models: AgentModels = .offline, configuration: AgentRunnerConfiguration = AgentRunnerConfiguration()) -> AgentRunner {
        AgentRunner(executor: executor(), models: models, configuration: configuration)
    }

    /// A conversation of the member with the agent.
    func conversation(for user: User? = nil) throws -> Conversation {
        try conversations().start(agentID: agent.id, by: (user ?? member).id)
    }

    /// How many invoices the API server holds (asked of the server itself).
    func invoiceCount() throws -> Int {
        let action = try #require(actions["countInvoices"])
        let outcome = try executor().run(
            actionID: action.id, arguments: OrderedObject(), as: ActionRunContext(userID: owner.id, purpose: .adminTest))
        guard case .completed(let result) = outcome, case .int(let count)? = result.json?["count"] else {
            Issue.record("The invoice count did not answer: \(outcome)")
            return -1
        }
        return count
    }

    /// The pending actions' statuses, read straight from the database.
    func pendingStatuses() throws -> [String: String] {
        try database.read { conn in
            var statuses: [String: String] = [:]
            for row in try conn.query("SELECT id, status FROM pending_actions WHERE company_id = ?", integrations.company.id) {
                statuses[try row["id"]] = try row["status"]
            }
            return statuses
        }
    }
}

extension [ConversationMessage] {
    /// The confirmation card among the messages.
    var confirmation: ConfirmationCard? {
        lazy.compactMap { if case .confirmation(let card)? = $0.card { card } else { nil } }.first
    }

    /// The connect card among the messages.
    var connect: ConnectCard? {
        lazy.compactMap { if case .connect(let card)? = $0.card { card } else { nil } }.first
    }

    /// The parameters form among the messages, with its message id.
    var parameters: (messageID: String, card: ParametersCard)? {
        lazy.compactMap { message in if case .parameters(let card)? = message.card { (message.id, card) } else { nil } }.first
    }

    /// The action result cards among the messages.
    var results: [ActionResultCard] {
        compactMap { if case .actionResult(let card)? = $0.card { card } else { nil } }
    }

    /// The agent's text replies.
    var replies: [String] {
        filter { $0.role == .assistant }.map(\.text)
    }
}
