import HTTPCore

/// The next step of a chain: the rest of the middleware and, at the end, the route's handler.
public typealias Responder<Context: RequestContext> = @Sendable (Request, inout Context) throws -> HTTPResponse

/// Wraps a responder: may act before, after, or instead of it (Hummingbird's `RouterMiddleware`).
///
///     struct Timing<Context: RequestContext>: Middleware {
///         func handle(_ request: Request, context: inout Context, next: Responder<Context>) throws -> HTTPResponse {
///             let response = try next(request, &context)
///             return response
///         }
///     }
public protocol Middleware<Context>: Sendable {
    associatedtype Context: RequestContext
    func handle(_ request: Request, context: inout Context, next: Responder<Context>) throws -> HTTPResponse
}

enum MiddlewareChain {
    /// Folds middleware around a responder once, at build time, so a request pays no list walk.
    static func fold<Context>(_ middleware: [any Middleware<Context>], around responder: @escaping Responder<Context>) -> Responder<Context> {
        middleware.reversed().reduce(responder) { inner, outer in
            { request, context in try outer.handle(request, context: &context, next: inner) }
        }
    }
}
