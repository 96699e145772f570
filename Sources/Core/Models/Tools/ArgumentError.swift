/// A value that does not fit its parameter: which parameter (its label) and why.
public struct ArgumentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The parameter's label.
    public var parameter: String
    /// What is wrong ("must be a whole number").
    public var reason: String

    /// Creates an error.
    public init(parameter: String, reason: String) {
        self.parameter = parameter
        self.reason = reason
    }

    /// "Order ID must be a whole number".
    public var description: String { "\(parameter) \(reason)" }
}
