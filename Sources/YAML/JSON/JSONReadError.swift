/// Why a JSON text could not be read, and where (1-based line and column, counted in bytes).
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The 1-based line of the offending byte.
    public var line: Int
    /// The 1-based column (in bytes) of the offending byte.
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
