/// Something that drafts an OpenAPI 3.0 document from documentation and the user's corrections:
/// ``OfflineSchemaDrafter`` built in, a language-model drafter when one is configured.
///
/// A drafter sees the whole conversation every time (everything given so far, in order) and
/// drafts from scratch, so it keeps no state between calls. Its output is a proposal: callers
/// run ``SchemaDraft/jsonText`` through ``OpenAPIImporter`` before showing or using it.
public protocol SchemaDrafter: Sendable {
    /// Drafts a document from `messages`, documentation and corrections in the order given.
    func draft(_ messages: [DraftMessage]) throws(DraftingError) -> SchemaDraft
}

/// Why a drafter could not produce a draft at all (a model that could not be reached, an answer
/// that was not a document); the offline drafter never fails.
public struct DraftingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, safe to show to the user.
    public var message: String

    /// Creates an error with a user-safe message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
