import HTTPCore
import Synchronization
@testable import Web

/// Calls a built application the way the server does (policy first, then respond).
func send(
    _ app: some HTTPResponder, _ method: HTTPMethod, _ target: String,
    headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []
) -> HTTPResponse {
    app.respond(to: HTTPRequest(method: method, target: target, headers: headers, body: body))
}

func text(_ response: HTTPResponse) -> String {
    if case .bytes(let b) = response.body { return String(decoding: b, as: UTF8.self) }
    return ""
}

/// Collects log lines so tests can read what was logged.
final class LogCollector: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    var logger: Logger { Logger(minimumLevel: .debug) { line in self.storage.withLock { $0.append(line) } } }
}

/// Records the order middleware ran in.
struct Tagging: Middleware {
    typealias Context = BasicRequestContext
    let tag: String
    func handle(_ request: Request, context: inout BasicRequestContext, next: Responder<BasicRequestContext>) throws -> HTTPResponse {
        var response = try next(request, &context)
        response.headers.add("X-Trail", tag)
        return response
    }
}
