import Core
import Cryptography
import Foundation
import HTTPCore
import OpenAPI
import SQLite
import Templates

/// The long-lived parts every request shares: the database, the secret vault, the templates.
public struct AppServices: Sendable {
    public let configuration: AppConfiguration
    public let database: Database
    public let vault: SecretVault
    public let templates: TemplateLibrary
    /// The one outbound client of the process (egress policy, timeouts, keep-alive pool).
    public let httpClient: HTTPClient
    /// What agents think with: the built-in offline model, or the configured provider for
    /// agents that name a provider model.
    public let agentModels: AgentModels
    /// Drafts schemas for "Ask": the configured provider's model, else the built-in drafter.
    public let schemaDrafter: any SchemaDrafter
    public let hasher: PasswordHasher
    public let clock: WallClock
    public let policy: AccountPolicy
    /// Migrations applied while opening, for the start-up log.
    public let appliedMigrations: [String]

    public init(
        configuration: AppConfiguration, database: Database, vault: SecretVault, templates: TemplateLibrary,
        httpClient: HTTPClient, agentModels: AgentModels = .offline, schemaDrafter: any SchemaDrafter = OfflineSchemaDrafter(), hasher: PasswordHasher = PasswordHasher(), clock: WallClock = .system, policy: AccountPolicy = AccountPolicy(),
        appliedMigrations: [String] = []
    ) {
        self.configuration = configuration
        self.database = database
        self.vault = vault
        self.templates = templates
        self.httpClient = httpClient
        self.agentModels = agentModels
        self.schemaDrafter = schemaDrafter
        self.hasher = hasher
        self.clock = clock
        self.policy = policy
        self.appliedMigrations = appliedMigrations
    }

    /// The outbound client as configured: egress allow-list, extra CA bundle and forward proxy.
    public static func makeHTTPClient(_ configuration: AppConfiguration) throws -> HTTPClient {
        var clientConfiguration = HTTPClientConfiguration()
        clientConfiguration.egressPolicy = configuration.egressPolicy
        clientConfiguration.certificateAuthorityFile = configuration.certificateAuthorityFile
        clientConfiguration.proxy = configuration.outboundProxy
        return try HTTPClient(configuration: clientConfiguration)
    }

    /// The language-model provider's client: its own timeouts, the egress policy and the proxy.
    private static func makeModelClient(_ configuration: AppConfiguration) throws -> HTTPClient {
        var clientConfiguration = OpenAICompatibleModel.clientConfiguration(egressPolicy: configuration.egressPolicy)
        clientConfiguration.proxy = configuration.outboundProxy
        return try HTTPClient(configuration: clientConfiguration)
    }

    /// The OpenAI-compatible provider when `--llm-url` is set (with its own client: model answers
    /// take longer than API calls) for agents that name a model; the offline model otherwise.
    public static func makeAgentModels(_ configuration: AppConfiguration) throws -> AgentModels {
        guard let url = configuration.llmURL else { return .offline }
        let client = try makeModelClient(configuration)
        return .choosing(
            provider: OpenAIConfiguration(baseURL: url, apiKey: configuration.llmKey ?? "", model: configuration.llmModel ?? "gpt-4o-mini"),
            client: client)
    }

    /// With `--llm-url`, "Ask" drafts with the provider's model (`--llm-model`); else offline.
    public static func makeSchemaDrafter(_ configuration: AppConfiguration) throws -> any SchemaDrafter {
        guard let url = configuration.llmURL else { return OfflineSchemaDrafter() }
        let client = try makeModelClient(configuration)
        return LanguageModelSchemaDrafter(
            model: OpenAICompatibleModel(
                configuration: OpenAIConfiguration(baseURL: url, apiKey: configuration.llmKey ?? "", model: configuration.llmModel ?? "gpt-4o-mini"),
                client: client))
    }

    /// Opens everything a configuration names: creates the data folder, applies pending
    /// migrations, loads (or creates) the master key, and parses and checks every template.
    public static func open(configuration: AppConfiguration, environment: [String: String]) throws -> AppServices {
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let (database, applied) = try ProductDatabase.open(
            path: configuration.databasePath, migrationsFolder: configuration.migrationsDirectory)
        let keyRing = try MasterKeyStore(
            environment: environment, dataFolder: URL(fileURLWithPath: configuration.dataDirectory)
        ).loadOrCreate()
        let templates = try TemplateLibrary(
            directory: URL(fileURLWithPath: configuration.viewsDirectory), reloadsChangedFiles: configuration.development)
        return AppServices(
            configuration: configuration, database: database, vault: SecretVault(keyRing: keyRing), templates: templates,
            httpClient: try makeHTTPClient(configuration), agentModels: try makeAgentModels(configuration),
            schemaDrafter: try makeSchemaDrafter(configuration), appliedMigrations: applied)
    }
}
