import Core
import HTTPCore
import Web

/// Builds the whole web application: middleware in DESIGN.md's order, controllers, static files.
///
/// Global: request id and log line, security headers (in `WebApplication`), static files. Then
/// for every page: session → CSRF → (sign-in required) → (role guard) → handler.
public enum SwitchboardApplication {
    public static let version = "0.1.0"

    public static func build(services: AppServices, logger: Logger) throws -> WebApplication<AppRequestContext> {
        let router = Router<AppRequestContext>()
        router.serveStaticFiles(try StaticFiles(directory: services.configuration.publicDirectory))
        HealthController(version: version).addRoutes(to: router)

        let pages = PageRenderer(templates: services.templates, logger: logger)
        let sessions = SessionStore(database: services.database, clock: services.clock, policy: services.policy)
        let signIn = try SignIn(database: services.database, hasher: services.hasher, clock: services.clock, policy: services.policy)

        let web = router.group(middleware: [SessionMiddleware(services: services), CSRFMiddleware(publicOrigin: services.configuration.publicOrigin)])
        let signedIn = web.group(middleware: [RequireSignIn()])
        let admins = signedIn.group(middleware: [RequireRole(minimum: .admin)])
        let owners = signedIn.group(middleware: [RequireRole(minimum: .owner)])

        AuthController(services: services, pages: pages, signIn: signIn, sessions: sessions).addRoutes(to: web)
        InvitationController(services: services, pages: pages, sessions: sessions).addRoutes(to: web)
        HomeController(services: services, pages: pages, sessions: sessions).addRoutes(signedIn: signedIn)
        MembersController(services: services, pages: pages).addRoutes(admins: admins, owners: owners)
        AuditController(services: services, pages: pages).addRoutes(admins: admins)
        ConnectionsController(services: services, pages: pages).addRoutes(signedIn: signedIn)
        AgentsController(services: services, pages: pages).addRoutes(signedIn: signedIn)
        ConversationsController(services: services, pages: pages).addRoutes(signedIn: signedIn)
        OAuthController(services: services, pages: pages).addRoutes(signedIn: signedIn, admins: admins)
        // Fixed paths (`/new`, `/drafts/…`, `/ask`) before `/settings/integrations/:id`: the first route that matches wins.
        IntegrationsController(services: services, pages: pages).addRoutes(admins: admins)
        AskController(services: services, pages: pages).addRoutes(admins: admins)
        IntegrationController(services: services, pages: pages).addRoutes(admins: admins)

        var application = router.buildApplication()
        application.logger = logger
        application.trustedProxies = TrustedProxies(networks: services.configuration.trustedProxies)
        application.errorRenderer = AppErrorRenderer(templates: services.templates, logger: logger)
        return application
    }
}
