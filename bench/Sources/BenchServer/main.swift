// The side-by-side benchmark server of ../shared/bench: our HTTPCore server, Web router and
// Templates engine serving exactly what the peers serve.
//   swift build -c release --package-path bench --product BenchServer
//   bench/.build/release/BenchServer --port 8090 [--templates ../shared/bench/templates] [--workers]
//   /hello → "Hello, world!" (text/plain); /page → page.mustache rendered per request with page.json
import Foundation
import HTTPCore
import Templates
import Web

var port = 8090
var templatesFolder = "../shared/bench/templates"
var inline = true
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch (argument, arguments.first) {
    case ("--port", let value?) where Int(value) != nil:
        port = Int(value) ?? port
        arguments.removeFirst()
    case ("--templates", let value?):
        templatesFolder = value
        arguments.removeFirst()
    case ("--workers", _):
        inline = false
    default:
        print("usage: BenchServer [--port N] [--templates DIR] [--workers]")
        exit(2)
    }
}

do {
    let source = try String(contentsOfFile: templatesFolder + "/page.mustache", encoding: .utf8)
    let page = try Template(source, fileName: "page.mustache")
    let data = try JSONDecoder().decode(TemplateValue.self, from: Data(contentsOf: URL(fileURLWithPath: templatesFolder + "/page.json")))

    let router = Router<BasicRequestContext>()
    let options = RouteOptions(maxBodyBytes: 0, inline: inline)
    let hello = HTTPResponse(status: .ok, contentType: "text/plain", body: "Hello, world!")
    router.get("/hello", options: options) { _, _ in hello }
    router.get("/page", options: options) { _, _ in
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8 << 10)
        try page.render(data, into: &buffer)
        return .html(buffer)
    }
    var application = router.buildApplication()
    application.logger = .silent
    // The peers send no security headers; neither do we here, so bytes on the wire match.
    application.defaultHeaders = HTTPHeaders()

    let server = try HTTPServer(
        configuration: HTTPServerConfiguration(port: port), responder: application, logger: Logger(minimumLevel: .warning))
    try server.start()
    server.shutdownOnSignals()
    print("BenchServer on 127.0.0.1:\(server.port) (\(inline ? "inline" : "worker pool"))")
    server.waitUntilStopped()
} catch {
    print("BenchServer: \(error)")
    exit(1)
}
