/// Why an argument cannot be used, worded so a person or a model can fix the call.
public struct ArgumentProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where: an argument name, then `.property` and `[index]` steps (`body.items[0].sku`).
    public var path: String
    /// What is wrong and what is expected.
    public var message: String

    /// Creates a problem.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// "`path`: message".
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
