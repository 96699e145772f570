import AppTesting
import Core
import Cryptography
import HTTPCore
import OpenAPI
import SQLite

/// What the action and turn benchmarks both start from: a company on a fresh on-disk database,
/// the orders API peer (`Tests/peers/orders_api.py`) and `MinimalOrdersAPI` running with one
/// bearer token, and the integration draft imported from the peer's own schema.
public struct OrdersBenchSetup {
    public let temporary: TemporaryDatabase
    public let database: Database
    public let ownerID: String
    public let companyID: String
    public let vault: SecretVault
    /// The bearer token both APIs accept.
    public let token: String
    public let peer: PythonPeer
    public let minimalServer: HTTPServer
    /// The orders API's schema, imported as an admin would.
    public let draft: IntegrationDraft

    /// Sets everything up; `client` fetches the schema. Call ``stop()`` when done.
    public init(synchronous: Database.Synchronous, client: any HTTPSending) throws {
        temporary = try TemporaryDatabase()
        database = try Database(path: temporary.folder + "/bench.sqlite", configuration: Database.Configuration(synchronous: synchronous))
        try ProductDatabase.migrator(ProjectPaths.migrations).migrate(database)
        let (owner, company) = try SignUp(database: database, hasher: .fastForTests).signUp(
            SignUp.Form(companyName: "Bench", name: "Bench Owner", email: "owner@bench.test", password: "correct horse battery"))
        ownerID = owner.id
        companyID = company.id
        vault = SecretVault(keyRing: KeyRing(current: try .generate()))
        token = "bench-bearer-" + (try SecureRandom.token(byteCount: 12))
        peer = try PythonPeer(script: "orders_api.py", environment: ["ORDERS_BEARER_TOKEN": token])
        minimalServer = try HTTPServer(
            configuration: HTTPServerConfiguration(port: 0), responder: MinimalOrdersAPI(token: token), logger: Logger(minimumLevel: .warning))
        try minimalServer.start()
        let loader = HTTPSchemaLoader(client: client)
        let schemaURL = peer.baseURL + "/openapi.json"
        let bytes = try loader.load(schemaURL)
        draft = try IntegrationDraft(
            OpenAPIImporter().import(data: bytes, sourceURL: schemaURL, loader: loader), schemaText: String(decoding: bytes, as: UTF8.self),
            sourceURL: schemaURL)
    }

    /// Both APIs by name, the Python one first.
    public var targets: [(name: String, baseURL: String)] {
        [("orders API (FastAPI + uvicorn)", peer.baseURL), ("minimal in-process API (HTTPCore)", "http://127.0.0.1:\(minimalServer.port)")]
    }

    /// An executor for the company, calling through `client`.
    public func executor(client: any HTTPSending) -> ActionExecutor {
        ActionExecutor(
            database: database, companyID: companyID, vault: vault, client: client,
            tokenProvider: StoredTokenProvider(credentials: CredentialStore(database: database, companyID: companyID, vault: vault)))
    }

    /// A bearer integration of the draft pointed at `baseURL`.
    public func integrate(name: String, baseURL: String) throws -> Integration {
        var choices = draft.defaultChoices
        choices.name = name
        choices.baseURL = baseURL
        choices.auth = .bearer
        return try IntegrationStore(database: database, companyID: companyID, vault: vault)
            .create(draft, choices: choices, secrets: CredentialSecrets(token: token), by: .user(ownerID))
    }

    /// Stops both APIs.
    public func stop() {
        minimalServer.shutdown()
        peer.stop()
    }
}
