import HTTPCore

/// The frozen routes: finds the route for a method and path, or says why none fits.
struct RouteTable<Context: RequestContext>: Sendable {
    enum Lookup {
        case found(Route<Context>, Parameters)
        /// The path exists under other methods (405, with `Allow`).
        case methodNotAllowed([HTTPMethod])
        case notFound
    }

    let routes: [Route<Context>]

    func lookup(_ method: HTTPMethod, _ path: Substring) -> Lookup {
        let segments = RoutePattern.split(path)
        var allowed: [HTTPMethod] = []
        var headFallback: (Route<Context>, Parameters)?
        for route in routes {
            guard let parameters = route.pattern.match(segments) else { continue }
            if route.method == method { return .found(route, parameters) }
            // RFC 9110 §9.3.2: HEAD is GET without the body; the server drops the body.
            if method == .head, route.method == .get, headFallback == nil { headFallback = (route, parameters) }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        if let (route, parameters) = headFallback { return .found(route, parameters) }
        if allowed.isEmpty { return .notFound }
        if allowed.contains(.get), !allowed.contains(.head) { allowed.append(.head) }
        return .methodNotAllowed(allowed)
    }

    /// The innermost responder of the global chain: the route's own folded chain, or a 404/405.
    var dispatch: Responder<Context> {
        let table = self
        return { request, context in
            switch table.lookup(request.method, Substring(request.http.path)) {
            case .found(let route, let parameters):
                var request = request
                request.parameters = parameters
                return try route.handler(request, &context)
            case .methodNotAllowed(let methods):
                throw HTTPError(.methodNotAllowed, headers: ["Allow": methods.map(\.rawValue).joined(separator: ", ")])
            case .notFound:
                throw HTTPError(.notFound)
            }
        }
    }
}
