import App
import Foundation
import HTTPCore

/// `switchboard serve`: open the database (migrating it), load templates and keys, serve HTTP
/// until SIGTERM or SIGINT, finish in-flight requests, exit 0.
enum ServeCommand {
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        guard let configuration = CommandLineOutput.configuration(arguments, environment: environment) else {
            return arguments.contains("--help") || arguments.contains("-h") ? 0 : 2
        }
        let logger = Logger(minimumLevel: configuration.logLevel)
        do {
            let services = try AppServices.open(configuration: configuration, environment: environment)
            for name in services.appliedMigrations { logger.info("migration applied", ["name": name]) }
            let application = try SwitchboardApplication.build(services: services, logger: logger)
            var serverConfiguration = HTTPServerConfiguration()
            serverConfiguration.host = configuration.host
            serverConfiguration.port = configuration.port
            let server = try HTTPServer(configuration: serverConfiguration, responder: application, logger: logger)
            try server.start()
            server.shutdownOnSignals()
            logger.info("switchboard ready", [
                "host": configuration.host, "port": String(server.port),
                "url": configuration.effectivePublicURL, "data": configuration.dataDirectory,
            ])
            server.waitUntilStopped()
            logger.info("stopped")
            LogBuffer.standardError.flush()
            return 0
        } catch {
            LogBuffer.standardError.flush()
            return CommandLineOutput.fail(String(describing: error))
        }
    }
}
