import Foundation

/// Writes one logfmt line per event to standard error: `time=… level=info msg="…" key=value …`.
///
/// Values are quoted when they hold spaces, quotes or `=`, and control characters are escaped,
/// so one event is always one line whatever a client sent.
///
///     logger.info("request", ["id": id, "method": "GET", "status": "200"])
public struct Logger: Sendable {
    public enum Level: Int, Sendable, Comparable {
        case debug, info, warning, error
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        var name: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    /// Where lines go; standard error unless a test collects them.
    public let sink: (@Sendable (String) -> Void)?
    public let minimumLevel: Level

    /// Lines go to `sink`, or, without one, to standard error through ``LogBuffer`` (batched;
    /// warnings and errors written at once).
    public init(minimumLevel: Level = .info, sink: (@Sendable (String) -> Void)? = nil) {
        self.minimumLevel = minimumLevel
        self.sink = sink
    }

    /// A logger that drops everything (benchmarks, tests that do not look).
    public static let silent = Logger(minimumLevel: .error) { _ in }

    public func debug(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.debug, message, fields) }
    public func info(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.info, message, fields) }
    public func warning(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.warning, message, fields) }
    public func error(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.error, message, fields) }

    public func log(_ level: Level, _ message: String, _ fields: KeyValuePairs<String, String>) {
        guard level >= minimumLevel else { return }
        // Built as bytes: at one line per request, String interpolation and a formatted date per
        // line cost more than the request itself.
        var line: [UInt8] = []
        line.reserveCapacity(192)
        line.append(contentsOf: "time=".utf8)
        LogTimestamp.append(to: &line)
        line.append(contentsOf: " level=".utf8)
        line.append(contentsOf: level.name.utf8)
        line.append(contentsOf: " msg=".utf8)
        Self.appendValue(message, to: &line)
        for (key, value) in fields {
            line.append(0x20)
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            Self.appendValue(value, to: &line)
        }
        line.append(0x0A)
        if let sink {
            sink(String(decoding: line, as: UTF8.self))
        } else {
            LogBuffer.standardError.append(line, urgent: level >= .warning)
        }
    }

    /// Writes out the lines queued so far (standard error batches them), for an event that
    /// must appear before what other threads log next, such as the start of a shutdown.
    public func flush() {
        if sink == nil { LogBuffer.standardError.flush() }
    }

    /// Appends a logfmt value: bare when it is a plain token, else quoted with escapes, so a
    /// value can never break the line or forge another field.
    static func appendValue(_ value: String, to line: inout [UInt8]) {
        let utf8 = value.utf8
        let needsQuotes = utf8.isEmpty || utf8.contains { $0 <= 0x20 || $0 == 0x22 || $0 == 0x3D || $0 == 0x5C || $0 == 0x7F }
        guard needsQuotes else {
            line.append(contentsOf: utf8)
            return
        }
        line.append(0x22)
        for byte in utf8 {
            switch byte {
            case 0x22: line.append(contentsOf: [0x5C, 0x22])
            case 0x5C: line.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: line.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: line.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: line.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F: line.append(contentsOf: "\\u{\(String(byte, radix: 16))}".utf8)
            default: line.append(byte)
            }
        }
        line.append(0x22)
    }
}
