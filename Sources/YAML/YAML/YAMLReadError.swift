/// Why a YAML stream could not be read, and where (1-based line and column).
public struct YAMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The 1-based line where the problem was found.
    public var line: Int
    /// The 1-based column where the problem was found.
    public var column: Int

    /// Creates an error.
    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// "line:column: message".
    public var description: String { "\(line):\(column): \(message)" }
}
