/// A recoverable problem found while importing a document: the import goes on without the part
/// it concerns.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Part of the document was skipped or could not be understood.
        case warning
        /// Worth knowing, nothing was lost (for example webhooks that are not imported as actions).
        case note
    }

    /// How serious the problem is.
    public var severity: Severity
    /// What the problem is, in words an admin understands.
    public var message: String
    /// Where: a JSON pointer (RFC 6901) into the document, prefixed by the file's location when
    /// the problem is in another file of a multi-file schema; empty for the whole document.
    public var pointer: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, pointer: String) {
        self.severity = severity
        self.message = message
        self.pointer = pointer
    }

    /// "warning at /paths/~1pets/get: message".
    public var description: String {
        pointer.isEmpty ? "\(severity.rawValue): \(message)" : "\(severity.rawValue) at \(pointer): \(message)"
    }
}
