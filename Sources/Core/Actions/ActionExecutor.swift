import Foundation
import HTTPCore
import OpenAPI
import SQLite
import YAML

/// Runs a company's actions: validates the arguments, builds the request from the stored
/// operation, injects the credentials (the company's for global scope, the calling member's
/// for per-user), sends it through the egress-guarded client, shapes and redacts the answer,
/// and writes every run to the audit log. Made for one company.
///
/// Blocks the calling thread (the HTTP client does): call it from a worker thread.
///
/// ```swift
/// let executor = ActionExecutor(database: db, companyID: company.id, vault: vault, client: client,
///                               tokenProvider: StoredTokenProvider(credentials: credentials))
/// let arguments = OrderedObject(["customer_id": .string("c_1"), "amount": .int(1200)])
/// switch try executor.run(actionID: id, arguments: arguments, as: ActionRunContext(userID: user.id, agentID: agent.id)) {
/// case .completed(let result): print(result.status, result.bodyText)
/// case .needsConnection(let integrationID, _): showConnectCard(integrationID)
/// case .invalidArguments(let problems): tellTheModel(problems)
/// case .failed(let reason): print(reason)
/// }
/// ```
public struct ActionExecutor: Sendable {
    /// The database.
    public let database: Database
    /// The company whose actions these are.
    public let companyID: String
    /// Opens the credentials.
    public let vault: SecretVault
    /// Sends the requests (``HTTPClient`` with the egress policy in production).
    public let client: any HTTPSending
    /// OAuth access tokens (and their refresh).
    public let tokenProvider: any TokenProvider
    /// The time source for the audit log.
    public let clock: WallClock
    /// Limits.
    public let configuration: ActionExecutorConfiguration

    /// Creates the executor of one company.
    public init(
        database: Database, companyID: String, vault: SecretVault, client: any HTTPSending, tokenProvider: any TokenProvider,
        clock: WallClock = .system, configuration: ActionExecutorConfiguration = ActionExecutorConfiguration()
    ) {
        self.database = database
        self.companyID = companyID
        self.vault = vault
        self.client = client
        self.tokenProvider = tokenProvider
        self.clock = clock
        self.configuration = configuration
    }

    /// What is loaded for one run.
    private struct Loaded {
        var action: IntegrationAction
        var integrationName: String
        var baseURL: String
        var scope: IntegrationScope
        var auth: AuthConfiguration
        /// The connection's and OAuth client's secrets, nil when no connection is stored.
        var secrets: CredentialSecrets?
    }

    /// Runs an action with arguments given as JSON text (what a model's tool call carries);
    /// text that is not a JSON object is ``ActionOutcome/invalidArguments(_:)``.
    public func run(actionID: String, argumentsJSON: String, as context: ActionRunContext) throws -> ActionOutcome {
        let trimmed = argumentsJSON.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return try run(actionID: actionID, arguments: OrderedObject(), as: context) }
        guard case .object(let object)? = try? JSONReader().read(Array(trimmed.utf8)) else {
            return .invalidArguments([ArgumentProblem(path: "", message: "The arguments must be one JSON object, like {\"id\": 42}.")])
        }
        return try run(actionID: actionID, arguments: object, as: context)
    }

    /// Runs an action. Throws ``DomainError`` when the action does not exist in this company
    /// (`notFound`) or is disabled for an agent run (`forbidden`); everything that happens once
    /// it runs is an ``ActionOutcome``, and audited.
    public func run(actionID: String, arguments: OrderedObject, as context: ActionRunContext) throws -> ActionOutcome {
        let started = ContinuousClock.now
        let loaded = try load(actionID: actionID, userID: context.userID)
        if context.purpose == .agent, !loaded.action.isEnabled {
            throw DomainError(.forbidden, "The action \(loaded.action.name) is disabled.")
        }
        let credentialLabel = !loaded.auth.needsConnectionSecrets ? "none" : loaded.scope == .global ? "global" : "own"
        var audit = ["action_name": loaded.action.name, "integration": loaded.action.integrationID, "credential": credentialLabel]
        func finish(_ outcome: ActionOutcome, request: String? = nil) throws -> ActionOutcome {
            audit["duration_ms"] = String(Self.milliseconds(since: started))
            if let request { audit["request"] = request }
            switch outcome {
            case .completed(let result):
                audit["outcome"] = "completed"
                audit["status"] = String(result.status)
            case .needsConnection: audit["outcome"] = "needs_connection"
            case .invalidArguments(let problems):
                audit["outcome"] = "invalid_arguments"
                audit["problems"] = problems.prefix(5).map(\.description).joined(separator: "; ")
            case .failed(let reason):
                audit["outcome"] = "failed"
                audit["error"] = reason
            }
            try AuditLog(database: database, companyID: companyID, clock: clock).record(
                context.purpose == .agent ? "action.run" : "integration.tested", by: context.actor, target: ("action", actionID),
                detail: audit, relaxed: true)
            return outcome
        }
        var request: BuiltRequest
        switch RequestBuilder.build(loaded.action.operation, arguments: arguments, baseURL: Self.baseURL(loaded)) {
        case .problems(let problems): return try finish(.invalidArguments(problems))
        case .request(let built): request = built
        }
        let connectionUserID = loaded.scope == .perUser ? context.userID : nil
        var accessToken: String?
        if case .oauth2(let settings) = loaded.auth {
            let tokenRequest = AccessTokenRequest(integrationID: loaded.action.integrationID, userID: connectionUserID, settings: settings)
            guard let token = try tokenProvider.accessToken(for: tokenRequest, forceRefresh: false) else {
                return try finish(.needsConnection(integrationID: loaded.action.integrationID, integrationName: loaded.integrationName))
            }
            accessToken = token
        } else if loaded.auth.needsConnectionSecrets, loaded.secrets == nil {
            return try finish(.needsConnection(integrationID: loaded.action.integrationID, integrationName: loaded.integrationName))
        }
        var injection = CredentialInjection()
        let plain = request
        injection.inject(loaded.auth, from: .secrets(loaded.secrets ?? CredentialSecrets(), accessToken: accessToken), into: &request)
        let summary = injection.redactor.redact("\(request.method) \(request.url)")
        var response: ClientResponse
        do {
            response = try send(request, credentialHeaderNames: injection.credentialHeaderNames)
        } catch {
            return try finish(.failed(injection.redactor.redact(error.description)), request: summary)
        }
        if response.status.code == 401, case .oauth2(let settings) = loaded.auth {
            // One refresh and one retry on 401 (the token may have been revoked early).
            let tokenRequest = AccessTokenRequest(integrationID: loaded.action.integrationID, userID: connectionUserID, settings: settings)
            guard let fresh = try tokenProvider.accessToken(for: tokenRequest, forceRefresh: true) else {
                return try finish(
                    .needsConnection(integrationID: loaded.action.integrationID, integrationName: loaded.integrationName), request: summary)
            }
            request = plain
            var retry = CredentialInjection()
            retry.inject(loaded.auth, from: .secrets(loaded.secrets ?? CredentialSecrets(), accessToken: fresh), into: &request)
            injection.redactor = Redactor(secrets: injection.redactor.needles + retry.redactor.needles)
            do {
                response = try send(request, credentialHeaderNames: retry.credentialHeaderNames)
            } catch {
                return try finish(.failed(injection.redactor.redact(error.description)), request: summary)
            }
        }
        let result = ResponseShaper.shape(
            response, redactor: injection.redactor, budget: configuration.responseBudgetBytes,
            durationMilliseconds: Self.milliseconds(since: started))
        return try finish(.completed(result), request: summary)
    }

    /// What running the action would send, credentials shown as `[redacted]` (the
    /// confirmation card); invalid arguments throw ``FormErrors`` with one field per problem.
    public func preview(actionID: String, arguments: OrderedObject) throws -> RequestPreview {
        let loaded = try load(actionID: actionID, userID: nil)
        switch RequestBuilder.build(loaded.action.operation, arguments: arguments, baseURL: Self.baseURL(loaded)) {
        case .problems(let problems):
            throw FormErrors(problems.map { FieldError(field: $0.path, message: $0.message) })
        case .request(var request):
            var injection = CredentialInjection()
            injection.inject(loaded.auth, from: .placeholders, into: &request)
            return RequestPreview(
                method: request.method, url: request.url, headers: request.headers, body: String(decoding: request.body, as: UTF8.self),
                actionName: loaded.action.name, isWrite: loaded.action.isWrite)
        }
    }

    private func send(_ built: BuiltRequest, credentialHeaderNames: [String]) throws(HTTPClientError) -> ClientResponse {
        let url: HTTPURL
        do { url = try HTTPURL(built.url) } catch { throw .invalidURL(error) }
        var headers = HTTPHeaders()
        for header in built.headers { headers.add(header.name, header.value) }
        let request = ClientRequest(
            method: HTTPMethod(rawValue: built.method), url: url, headers: headers, body: built.body, followRedirects: 0,
            credentialHeaderNames: credentialHeaderNames, maxResponseBodyBytes: configuration.maximumResponseBytes)
        return try client.send(request)
    }

    /// Reads the action, its integration and the connection to use (user nil: preview, no secrets).
    private func load(actionID: String, userID: String?) throws -> Loaded {
        try database.read { conn in
            guard
                let row = try conn.queryOne(
                    """
                    SELECT a.id, a.integration_id, a.operation_key, a.name, a.description, a.method, a.path, a.is_write,
                           a.write_override, a.enabled, a.operation, i.name AS integration_name, i.base_url, i.scope, i.auth_method,
                           i.auth_config
                    FROM actions a JOIN integrations i ON i.company_id = a.company_id AND i.id = a.integration_id
                    WHERE a.company_id = ? AND a.id = ?
                    """, companyID, actionID)
            else { throw DomainError(.notFound, "No such action.") }
            let action = try IntegrationRows.action(row)
            guard let scope = IntegrationScope(rawValue: try row["scope"]) else {
                throw DomainError(.invalid, "Unknown integration scope in the database.")
            }
            let auth = try AuthConfiguration.fromColumns(method: try row["auth_method"], configuration: try row["auth_config"])
            var loaded = Loaded(
                action: action, integrationName: try row["integration_name"], baseURL: try row["base_url"], scope: scope, auth: auth,
                secrets: nil)
            guard let userID, auth.needsConnectionSecrets else { return loaded }
            let records = CredentialRecords(companyID: companyID, vault: vault)
            let connection = try records.load(
                conn, integrationID: action.integrationID, userID: scope == .perUser ? userID : nil, purpose: .connection)
            if case .oauth2 = auth {
                let client = try records.load(conn, integrationID: action.integrationID, userID: nil, purpose: .oauthClient)
                loaded.secrets = (connection?.secrets ?? CredentialSecrets()).merged(with: client?.secrets ?? CredentialSecrets())
            } else if let connection, !connection.needsReconnection {
                loaded.secrets = connection.secrets
            }
            return loaded
        }
    }

    /// The operation's own server when it names an absolute one, else the integration's.
    private static func baseURL(_ loaded: Loaded) -> String {
        if let own = loaded.action.operation.baseURL, IntegrationValidation.urlProblem(own) == nil { return own }
        return loaded.baseURL
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
