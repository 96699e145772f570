import Foundation

/// The fixture HTTPS server (`Fixtures/client/tls_server.py`) run as a subprocess on 127.0.0.1.
///
/// It prints its port on start and exits when its standard input closes, so ``stop()`` (or the
/// test process ending) always ends it.
final class ClientTLSTestServer {
    let port: Int
    private let script: ClientPythonScript

    /// The fixtures folder, found from this file's path so no bundle resource is needed.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/client")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Starts the server with `certificate`/`key` (fixture names without `.pem`/`.key`).
    init(certificate name: String) throws {
        script = try ClientPythonScript(
            path: Self.fixture("tls_server.py"), arguments: [Self.fixture("\(name).pem"), Self.fixture("\(name).key")])
        guard let port = Int(script.firstLine) else {
            script.stop()
            throw ClientTestSocket.Failure(description: "tls_server.py did not print its port")
        }
        self.port = port
    }

    /// Ends the server: closes its input, terminates it, waits up to five seconds.
    func stop() {
        script.stop()
    }

    /// Whether `python3` can be run, for tests that need this server.
    static var pythonAvailable: Bool { ClientPythonScript.pythonAvailable }
}
