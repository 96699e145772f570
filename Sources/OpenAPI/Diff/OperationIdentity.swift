/// What makes two imports' operations "the same action", so a re-import keeps names an admin gave.
///
/// The primary key is the method with the path template, parameter names blanked
/// (`GET /users/{}`), so renaming `{id}` to `{userId}` keeps the identity; `operationID` is the
/// fallback that matches an operation whose path moved.
public struct OperationIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The HTTP method.
    public var method: APIOperation.Method
    /// The path template with every `{name}` written as `{}`.
    public var normalizedPath: String
    /// The `operationId`, when there is one.
    public var operationID: String?

    /// Creates the identity of an operation.
    public init(method: APIOperation.Method, pathTemplate: String, operationID: String?) {
        self.method = method
        self.normalizedPath = Self.normalize(pathTemplate)
        self.operationID = operationID
    }

    /// The primary key: "GET /users/{}".
    public var key: String { "\(method.rawValue) \(normalizedPath)" }

    /// The primary key.
    public var description: String { key }

    private static func normalize(_ pathTemplate: String) -> String {
        var result = ""
        var insideBraces = false
        for character in pathTemplate {
            switch character {
            case "{":
                insideBraces = true
                result.append("{")
            case "}":
                insideBraces = false
                result.append("}")
            default:
                if !insideBraces { result.append(character) }
            }
        }
        // A trailing slash does not make another endpoint for any server we care about.
        if result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result
    }
}
