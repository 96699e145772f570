import OpenAPI

/// One action as a model sees it: a function name, a human title, what it does, whether it
/// writes, and the arguments it takes.
///
/// Built from the imported operation with ``init(operation:name:title:)``; nothing in it comes
/// from an integration's credentials, so it may be sent to a provider.
public struct ToolDescription: Sendable, Hashable, Codable {
    /// The function name models call it by: letters, digits, `_` and `-`, at most 64 characters
    /// (the chat-completions rule), unique among an agent's tools.
    public var name: String
    /// The action's human name ("Create Invoice").
    public var title: String
    /// What the action does (the operation's summary and description).
    public var description: String
    /// Read (runs at once) or write (needs the user's confirmation).
    public var access: APIOperation.Access
    /// The HTTP method, for matching words and for the confirmation card.
    public var method: APIOperation.Method
    /// The path template (`/orders/{orderId}`).
    public var pathTemplate: String
    /// The arguments, path parameters first, then query, header, cookie and body.
    public var parameters: [ToolParameter]

    /// Creates a description; `name` is made a safe function name (see ``FunctionName``).
    public init(
        name: String, title: String, description: String = "", access: APIOperation.Access,
        method: APIOperation.Method, pathTemplate: String, parameters: [ToolParameter] = []
    ) {
        self.name = FunctionName.sanitized(name)
        self.title = title
        self.description = description
        self.access = access
        self.method = method
        self.pathTemplate = pathTemplate
        self.parameters = parameters
    }

    /// The parameter whose argument key is `name`.
    public func parameter(named name: String) -> ToolParameter? {
        parameters.first { $0.name == name }
    }
}
