import Dispatch
import Foundation
import Synchronization

/// A test peer written in Python (Tests/peers/*.py), run from the project's `.venv` on
/// 127.0.0.1: started with its port chosen by the system, stopped when asked or when this value
/// goes away.
///
/// The script must print `PORT <n>` on its standard output once it listens, and should exit when
/// its standard input closes (so it never outlives a crashed test run).
///
///     let peer = try PythonPeer(script: "orders_api.py", environment: ["ORDERS_BEARER_TOKEN": token])
///     defer { peer.stop() }
///     let schemaURL = peer.baseURL + "/openapi.json"
public final class PythonPeer: Sendable {
    /// The port the peer listens on.
    public let port: Int
    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private let process: Mutex<Process?>
    private let standardInput: Pipe
    private let logFile: String

    /// The virtual environment's interpreter.
    public static var python: String { ProjectPaths.root + "/.venv/bin/python" }

    /// Starts `Tests/peers/<script>` with `python` (the project's `.venv` by default) and waits
    /// (at most `startupTimeout`) for its port.
    public init(
        script: String, arguments: [String] = [], environment: [String: String] = [:], python: String = PythonPeer.python,
        startupTimeout: Duration = .seconds(30)
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw PythonPeerError(
                "The Python virtual environment is missing (\(python)). Create it with `bash scripts/setup.sh --test` "
                    + "(`make test` does it) and run the tests again.")
        }
        let scriptPath = ProjectPaths.root + "/Tests/peers/" + script
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("peer-\(UUID().uuidString).log").path
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: python)
        child.arguments = ["-u", scriptPath] + arguments
        child.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        standardInput = Pipe()
        child.standardOutput = output
        child.standardInput = standardInput
        child.standardError = FileHandle(forWritingAtPath: logFile)
        try child.run()
        process = Mutex(child)

        // Read the first line on a thread of its own, so the wait below is bounded.
        let firstLine = Mutex<String?>(nil)
        let received = DispatchSemaphore(value: 0)
        let reader = output.fileHandleForReading
        Thread.detachNewThread {
            var buffer: [UInt8] = []
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer += chunk
                if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    firstLine.withLock { $0 = String(decoding: buffer[..<newline], as: UTF8.self) }
                    break
                }
            }
            received.signal()
            // Keep draining so a chatty peer never blocks on a full pipe.
            while !reader.availableData.isEmpty {}
        }
        let seconds = Double(startupTimeout.components.seconds) + Double(startupTimeout.components.attoseconds) / 1e18
        let answered = received.wait(timeout: .now() + seconds) == .success
        let line = firstLine.withLock { $0 } ?? ""
        guard answered, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)), port > 0 else {
            let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
            Self.terminate(child)
            throw PythonPeerError(
                "\(script) did not report its port within \(startupTimeout) (first line: \"\(line)\"). Its log:\n\(log.suffix(2_000))")
        }
        self.port = port
    }

    /// Stops the peer (SIGTERM, then SIGKILL after two seconds) and waits for it to exit.
    public func stop() {
        guard
            let child = process.withLock({ value -> Process? in
                let child = value
                value = nil
                return child
            })
        else { return }
        try? standardInput.fileHandleForWriting.close()
        Self.terminate(child)
        try? FileManager.default.removeItem(atPath: logFile)
    }

    deinit { stop() }

    private static func terminate(_ child: Process) {
        guard child.isRunning else { return }
        child.terminate()
        let deadline = Date().addingTimeInterval(2)
        while child.isRunning, Date() < deadline { usleep(20_000) }
        if child.isRunning { kill(child.processIdentifier, SIGKILL) }
        child.waitUntilExit()
    }
}

/// Why a Python peer could not be started.
public struct PythonPeerError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    public let description: String

    init(_ description: String) { self.description = description }
}

extension PythonPeer {
    /// A plain HTTP server for the files of `folder` (Python's standard library, no packages).
    public static func staticFiles(folder: String) throws -> PythonPeer {
        try PythonPeer(script: "static_files.py", arguments: [folder])
    }
}
