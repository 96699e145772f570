import Foundation

/// The fixture HTTPS server (`Fixtures/client/tls_server.py`) run as a subprocess on 127.0.0.1.
///
/// It prints its port on start and exits when its standard input closes, so ``stop()`` (or the
/// test process ending) always ends it.
final class ClientTLSTestServer {
    let port: Int
    private let process: Process
    private let input: Pipe

    /// The fixtures folder, found from this file's path so no bundle resource is needed.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/client")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Starts the server with `certificate`/`key` (fixture names without `.pem`/`.key`).
    init(certificate name: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.fixture("tls_server.py"), Self.fixture("\(name).pem"), Self.fixture("\(name).key")]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let fd = output.fileHandleForReading.fileDescriptor
        var line: [UInt8] = []
        let deadline = ContinuousClock.now.advanced(by: .seconds(15))
        while !line.contains(0x0A), ContinuousClock.now < deadline {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 200) >= 0 else { continue }
            guard entry.revents != 0 else { continue }
            var byte: UInt8 = 0
            guard read(fd, &byte, 1) == 1 else { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw ClientTestSocket.Failure(description: "tls_server.py did not print its port")
        }
        self.port = port
    }

    /// Ends the server: closes its input, terminates it, waits up to five seconds.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
    }

    /// Whether `python3` can be run, for tests that need this server.
    static let pythonAvailable: Bool = {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
            || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3")
    }()
}
