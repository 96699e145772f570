import App
import Core
import Cryptography
import Foundation
import HTTPCore
import SQLite
import Templates
import Web

/// The whole application over a fresh database, the project's real views and public files, a
/// test clock and cheap password hashing: what in-process app tests drive.
public final class AppFixture: Sendable {
    public let temporary: TemporaryDatabase
    public let time: TestClock
    public let services: AppServices
    public let application: WebApplication<AppRequestContext>

    public init(
        configure: (inout AppConfiguration) -> Void = { _ in }, policy: AccountPolicy = AccountPolicy(), logger: Logger = .silent
    ) throws {
        temporary = try TemporaryDatabase()
        time = TestClock()
        var configuration = AppConfiguration()
        configuration.resourcesDirectory = ProjectPaths.root
        configuration.dataDirectory = temporary.folder
        // Test peers listen on loopback.
        configuration.egressPolicy = try EgressPolicy(allowList: "127.0.0.1")
        configure(&configuration)
        services = AppServices(
            configuration: configuration, database: temporary.database,
            vault: SecretVault(keyRing: KeyRing(current: try SymmetricKey.generate())),
            templates: try TemplateLibrary(directory: URL(fileURLWithPath: ProjectPaths.views)),
            httpClient: try AppServices.makeHTTPClient(configuration), hasher: .fastForTests, clock: time.clock, policy: policy)
        application = try SwitchboardApplication.build(services: services, logger: logger)
    }

    public var database: Database { temporary.database }

    /// A new browser-like client.
    public func client(address: String = "192.0.2.10") -> CookieClient {
        CookieClient(application, remoteAddress: address)
    }

    /// Signs up a company through the sign-up form and returns the signed-in owner's client.
    @discardableResult
    public func signUp(company: String, name: String, email: String, password: String = "correct horse battery") -> CookieClient {
        let client = client()
        client.get("/sign-up")
        client.follow(client.submit("/sign-up", [("company", company), ("name", name), ("email", email), ("password", password)]))
        return client
    }
}
