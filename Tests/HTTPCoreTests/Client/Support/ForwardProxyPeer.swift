import Foundation

/// The forward proxy peer (`Tests/peers/forward_proxy.py`) on 127.0.0.1, logging each request
/// line it receives to a temporary file that ``requestLines`` reads.
final class ForwardProxyPeer {
    let port: Int
    private let script: ClientPythonScript
    private let logFile: URL

    /// `Tests/peers/forward_proxy.py`, found from this file's path.
    static let scriptPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("peers/forward_proxy.py").path

    /// Starts the proxy; with `credentials` (`user:password`) it answers 407 to requests without them.
    init(credentials: String? = nil) throws {
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("forward-proxy-\(UUID().uuidString).log")
        script = try ClientPythonScript(
            path: Self.scriptPath, arguments: ["--log", logFile.path] + (credentials.map { ["--auth", $0] } ?? []))
        guard script.firstLine.hasPrefix("PORT "), let port = Int(script.firstLine.dropFirst(5)) else {
            script.stop()
            throw ClientTestSocket.Failure(description: "forward_proxy.py did not print PORT <n>: \"\(script.firstLine)\"")
        }
        self.port = port
    }

    /// `http://127.0.0.1:<port>`, with `user:password@` when given.
    func url(credentials: String? = nil) -> String {
        "http://\(credentials.map { $0 + "@" } ?? "")127.0.0.1:\(port)"
    }

    /// Each request line received so far with the proxy's answer: `CONNECT localhost:4433 HTTP/1.1 -> 200`.
    var requestLines: [String] {
        ((try? String(contentsOf: logFile, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Ends the proxy and removes its log.
    func stop() {
        script.stop()
        try? FileManager.default.removeItem(at: logFile)
    }
}
