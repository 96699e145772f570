import Dispatch
import Foundation
import Synchronization

@testable import HTTPCore

/// A gate a handler waits on until the test opens it (bounded), so tests order events without
/// timing assumptions.
final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let entered = DispatchSemaphore(value: 0)

    /// Called by the handler: signals that it is in, then waits (at most 10 s) to be let through.
    func pass() {
        entered.signal()
        _ = semaphore.wait(timeout: .now() + 10)
    }

    /// Waits (at most 5 s) until a handler is inside.
    func waitUntilEntered() -> Bool { entered.wait(timeout: .now() + 5) == .success }

    func open() { semaphore.signal() }
}

/// The routes of the live tests.
///
/// `/hello` inline; `/echo` echoes method and body on a worker; `/gate` blocks on a worker
/// until the test opens the gate; `/large` and `/large-inline` send `largeBody`; `/file`
/// sends a region of `filePath`; `/small` accepts 10 body bytes at most.
struct TestResponder: HTTPResponder {
    static let largeBody: [UInt8] = (0..<(5 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
    let gate = Gate()
    var filePath = ""

    func policy(for head: HTTPRequestHead) -> RequestPolicy {
        switch head.path {
        case "/hello", "/large-inline", "/file": RequestPolicy(inline: true)
        case "/small": RequestPolicy(maxBodyBytes: 10)
        default: RequestPolicy()
        }
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        switch request.path {
        case "/hello":
            return HTTPResponse(contentType: "text/plain", body: "Hello, world!")
        case "/gate":
            gate.pass()
            return HTTPResponse(contentType: "text/plain", body: "through the gate")
        case "/large", "/large-inline":
            return HTTPResponse(contentType: "application/octet-stream", body: Self.largeBody)
        case "/file":
            return HTTPResponse(headers: ["Content-Type": "text/plain"], body: .file(path: filePath, offset: 6, length: 5))
        default:
            return HTTPResponse(
                contentType: "text/plain", body: "\(request.method) \(request.target) " + String(decoding: request.body, as: UTF8.self))
        }
    }
}

/// Log lines collected from a server under test.
final class LogCollector: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(minimumLevel: .info) { [self] line in lines.withLock { $0.append(line) } }
    }

    var all: [String] { lines.withLock { $0 } }
}

/// Starts a server on 127.0.0.1, port 0, runs `body`, then shuts it down and waits (bounded by
/// the grace period).
func withServer(
    _ configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    responder: TestResponder = TestResponder(), logs: LogCollector = LogCollector(),
    _ body: (HTTPServer) throws -> Void
) throws {
    var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, ioThreads: 2, workerThreads: 4, shutdownGracePeriod: .seconds(2))
    configure(&configuration)
    let server = try HTTPServer(configuration: configuration, responder: responder, logger: logs.logger)
    try server.start()
    defer {
        responder.gate.open()
        server.shutdown()
        server.waitUntilStopped()
    }
    try body(server)
}
