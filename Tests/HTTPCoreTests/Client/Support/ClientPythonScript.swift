import Foundation

/// A Python script run as a subprocess for the client tests: it prints one line (its port) on
/// start and exits when its standard input closes, so ``stop()`` (or the test process ending)
/// always ends it.
final class ClientPythonScript {
    /// The first line the script printed, without its line break.
    let firstLine: String
    private let process: Process
    private let input: Pipe

    /// Starts `python3 path arguments…` and waits up to fifteen seconds for its first line.
    init(path: String, arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path] + arguments
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
        firstLine = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Ends the script: closes its input, terminates it, waits up to five seconds.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
    }

    /// Whether `python3` can be run, for tests that need a script.
    static let pythonAvailable: Bool = {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
            || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3")
    }()
}
