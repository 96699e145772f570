/// A failure of a product rule: a code for the web layer to map to a status, and a message safe
/// to show the person who caused it (WTF Dial's `wtf.Error`).
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Code: Equatable, Sendable {
        /// The input breaks a rule; `field` says which form field, if one.
        case invalid
        /// No such thing in this company (also what another company's ids get).
        case notFound
        /// The change conflicts with the current state (last owner, already a member).
        case conflict
        /// The signed-in person may not do this.
        case forbidden
        /// Too many attempts; try again after the given number of seconds.
        case throttled(retryAfterSeconds: Int)
        /// Who you are could not be confirmed (wrong password, expired link).
        case unauthenticated
    }

    public var code: Code
    public var message: String
    public var field: String?

    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public init(_ error: FieldError) {
        self.init(.invalid, error.message, field: error.field)
    }

    public var description: String { message }
}
