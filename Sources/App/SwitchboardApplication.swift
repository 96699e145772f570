import HTTPCore
import Web

/// Builds the whole web application from a configuration: middleware, controllers, static files.
public enum SwitchboardApplication {
    public static let version = "0.1.0"

    public static func build(configuration: AppConfiguration, logger: Logger) throws -> WebApplication<AppRequestContext> {
        let router = Router<AppRequestContext>()
        router.serveStaticFiles(try StaticFiles(directory: configuration.publicDirectory))
        HealthController(version: version).addRoutes(to: router)
        var application = router.buildApplication()
        application.logger = logger
        return application
    }
}
