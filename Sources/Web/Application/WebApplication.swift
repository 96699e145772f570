import HTTPCore
import Synchronization

/// The built application: answers the server's requests through the folded middleware chains.
///
/// It also does what every response needs whatever route it took: a request id, errors turned
/// into pages (or JSON), default headers such as the security headers, and one log line.
public struct WebApplication<Context: RequestContext>: HTTPResponder {
    let table: RouteTable<Context>
    let responder: Responder<Context>
    let staticFiles: StaticFiles?
    /// Renders error pages; the plain built-in one unless the application sets its own.
    public var errorRenderer: any ErrorRenderer = PlainErrorRenderer()
    /// Headers added to every response that does not set them (see ``SecurityHeaders``).
    public var defaultHeaders: HTTPHeaders = SecurityHeaders.standard
    public var logger: Logger = Logger()
    /// Which proxies' `X-Forwarded-For` names the client (none unless the operator says so).
    public var trustedProxies = TrustedProxies()
    /// Limits for requests that match no route (they are answered 404 anyway).
    public var unmatchedPolicy = RequestPolicy(maxBodyBytes: 64 << 10, inline: true)

    init(table: RouteTable<Context>, responder: @escaping Responder<Context>, staticFiles: StaticFiles?) {
        self.table = table
        self.responder = responder
        self.staticFiles = staticFiles
    }

    public func policy(for head: HTTPRequestHead) -> RequestPolicy {
        let path = head.path
        if let staticFiles, head.method == .get || head.method == .head, staticFiles.contains(path) {
            return RequestPolicy(maxBodyBytes: 0, inline: true)
        }
        switch table.lookup(head.method, path) {
        case .found(let route, _):
            return RequestPolicy(maxBodyBytes: route.options.maxBodyBytes, inline: route.options.inline)
        case .methodNotAllowed, .notFound:
            return unmatchedPolicy
        }
    }

    public func respond(to peerRequest: HTTPRequest) -> HTTPResponse {
        let started = ContinuousClock.now
        // From here on (sessions, sign-in throttling, the log) the client is who the proxies say.
        var http = peerRequest
        http.remoteAddress = trustedProxies.clientAddress(peer: peerRequest.remoteAddress, headers: peerRequest.headers)
        let requestID = RequestID.next()
        let request = Request(http: http)
        var context = Context(requestID: requestID)
        var response: HTTPResponse
        do {
            response = try responder(request, &context)
        } catch let error as any HTTPResponseError {
            response = errorRenderer.render(ErrorPage(error: error, requestID: requestID), for: request)
            response.headers = response.headers.merging(error.headers)
        } catch {
            logger.error("handler failed", ["request_id": requestID, "path": http.path, "error": String(describing: error)])
            response = errorRenderer.render(ErrorPage.internal(requestID: requestID), for: request)
        }
        response.headers = response.headers.merging(defaultHeaders)
        let elapsed = started.duration(to: .now).components
        let micros = elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000
        logger.info("request", [
            "id": requestID, "method": http.method.rawValue, "path": http.path,
            "status": String(response.status.code), "bytes": String(response.body.count),
            "us": String(micros), "remote": http.remoteAddress,
        ])
        return response
    }

}

/// Short, unique request ids: a random per-process prefix and a counter ("k3f9a2-000042").
enum RequestID {
    private static let prefix = String(UInt32.random(in: .min ... .max), radix: 36)
    private static let counter = Atomic<Int>(0)

    static func next() -> String {
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let digits = String(n)
        return prefix + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
