/// One way of satisfying an operation's security: every listed scheme together.
///
/// An operation's requirement is a list of these alternatives; an empty requirement means
/// anonymous access is allowed.
public struct SecurityRequirement: Sendable, Hashable, Codable {
    /// A scheme by its name in the document, with the scopes it needs.
    public struct Item: Sendable, Hashable, Codable {
        /// The security scheme's name (its key in the document).
        public var schemeName: String
        /// The OAuth scopes or role names required.
        public var scopes: [String]

        /// Creates an item.
        public init(schemeName: String, scopes: [String]) {
            self.schemeName = schemeName
            self.scopes = scopes
        }
    }

    /// The schemes that must all be satisfied.
    public var items: [Item]

    /// Creates a requirement.
    public init(items: [Item]) {
        self.items = items
    }
}
