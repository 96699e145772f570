// Throughput check of the HTTP server: `/hello` answered straight from an HTTPResponder.
//   swift build -c release --package-path bench
//   bench/.build/release/BenchServer --port 8090 [--workers]   (--workers: run on the worker pool)
//   wrk -t2 -c64 -d10s http://127.0.0.1:8090/hello
import HTTPCore

#if canImport(Glibc)
import Glibc
#endif

/// Serves `/hello`; everything else is 404.
struct HelloResponder: HTTPResponder {
    let inline: Bool
    let hello = HTTPResponse(status: .ok, contentType: "text/plain", body: "Hello, world!")
    let notFound = HTTPResponse(status: .notFound, contentType: "text/plain", body: "Not Found\n")

    func policy(for head: HTTPRequestHead) -> RequestPolicy {
        RequestPolicy(maxBodyBytes: 1 << 20, inline: inline)
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        request.path == "/hello" ? hello : notFound
    }
}

var port = 8090
var inline = true
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--port":
        guard let value = arguments.popFirst().flatMap({ Int($0) }) else {
            print("usage: BenchServer [--port N] [--workers]")
            exit(2)
        }
        port = value
    case "--workers":
        inline = false
    default:
        print("usage: BenchServer [--port N] [--workers]")
        exit(2)
    }
}

do {
    let server = try HTTPServer(
        configuration: HTTPServerConfiguration(port: port), responder: HelloResponder(inline: inline),
        logger: Logger(minimumLevel: .warning))
    try server.start()
    server.shutdownOnSignals()
    print("BenchServer on 127.0.0.1:\(server.port) (\(inline ? "inline" : "worker pool"))")
    server.waitUntilStopped()
} catch {
    print("BenchServer: \(error)")
    exit(1)
}
