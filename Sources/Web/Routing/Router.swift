import HTTPCore

/// Collects routes and middleware, then builds the application that answers requests.
///
///     let router = Router<BasicRequestContext>()
///     router.add(middleware: LogMiddleware(logger: logger))
///     router.get("/healthz", options: RouteOptions(inline: true)) { _, _ in .json(Array(#"{"status":"ok"}"#.utf8)) }
///     let users = router.group("/users", middleware: [SessionMiddleware()])
///     users.get("/:id") { request, context in ... }
///     let app = router.buildApplication()
///
/// Global middleware sees every request, including 404 and 405; a group's middleware only its
/// routes. Chains are folded once in ``buildApplication()``.
public final class Router<Context: RequestContext>: @unchecked Sendable {
    // Mutated only while the application is being set up, on one thread; frozen by buildApplication().
    private var globalMiddleware: [any Middleware<Context>] = []
    private var routes: [Route<Context>] = []
    private var staticFiles: StaticFiles?

    public init() {}

    /// Adds middleware that every request passes through, in the order added.
    public func add(middleware: some Middleware<Context>) {
        globalMiddleware.append(middleware)
    }

    /// Serves the files of a folder before routing; their requests run inline (no blocking work).
    public func serveStaticFiles(_ files: StaticFiles) {
        staticFiles = files
    }

    public func on(
        _ method: HTTPMethod, _ path: String, options: RouteOptions = RouteOptions(),
        _ handler: @escaping Responder<Context>
    ) {
        routes.append(Route(method: method, pattern: RoutePattern(path), options: options, middleware: [], handler: handler))
    }

    public func get(_ path: String, options: RouteOptions = RouteOptions(), _ handler: @escaping Responder<Context>) {
        on(.get, path, options: options, handler)
    }

    public func post(_ path: String, options: RouteOptions = RouteOptions(), _ handler: @escaping Responder<Context>) {
        on(.post, path, options: options, handler)
    }

    /// Routes under a common prefix that share middleware (authentication, a role guard).
    public func group(_ prefix: String = "", middleware: [any Middleware<Context>] = []) -> RouteGroup<Context> {
        RouteGroup(router: self, prefix: prefix, middleware: middleware)
    }

    func append(_ route: Route<Context>) { routes.append(route) }

    /// Freezes the routes and folds every chain.
    public func buildApplication() -> WebApplication<Context> {
        var chain = globalMiddleware
        if let staticFiles { chain.append(StaticFilesMiddleware(files: staticFiles)) }
        let table = RouteTable(routes: routes.map { $0.folded() })
        return WebApplication(table: table, responder: MiddlewareChain.fold(chain, around: table.dispatch), staticFiles: staticFiles)
    }
}

/// Routes sharing a prefix and middleware.
public struct RouteGroup<Context: RequestContext>: Sendable {
    let router: Router<Context>
    let prefix: String
    let middleware: [any Middleware<Context>]

    public func on(
        _ method: HTTPMethod, _ path: String, options: RouteOptions = RouteOptions(),
        _ handler: @escaping Responder<Context>
    ) {
        let full = path == "/" || path.isEmpty ? (prefix.isEmpty ? "/" : prefix) : prefix + path
        router.append(Route(method: method, pattern: RoutePattern(full), options: options, middleware: middleware, handler: handler))
    }

    public func get(_ path: String, options: RouteOptions = RouteOptions(), _ handler: @escaping Responder<Context>) {
        on(.get, path, options: options, handler)
    }

    public func post(_ path: String, options: RouteOptions = RouteOptions(), _ handler: @escaping Responder<Context>) {
        on(.post, path, options: options, handler)
    }

    /// A nested group: this group's middleware runs first.
    public func group(_ prefix: String = "", middleware: [any Middleware<Context>] = []) -> RouteGroup<Context> {
        RouteGroup(router: router, prefix: self.prefix + prefix, middleware: self.middleware + middleware)
    }
}

struct Route<Context: RequestContext>: Sendable {
    let method: HTTPMethod
    let pattern: RoutePattern
    let options: RouteOptions
    let middleware: [any Middleware<Context>]
    let handler: Responder<Context>

    func folded() -> Route {
        Route(method: method, pattern: pattern, options: options, middleware: [], handler: MiddlewareChain.fold(middleware, around: handler))
    }
}
