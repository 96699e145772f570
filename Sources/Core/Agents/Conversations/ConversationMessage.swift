import Foundation

/// One shown message of a conversation: what the member wrote, what the agent replied, or a card.
public struct ConversationMessage: Sendable, Hashable {
    /// Who it is from.
    public enum Role: String, Sendable, Hashable {
        /// The member.
        case user
        /// The agent's reply (text, or a parameters form).
        case assistant
        /// Switchboard itself: an action's result, a confirmation or a connect prompt.
        case tool
    }

    /// The id (a parameters form is submitted by it).
    public var id: String
    /// The order within the conversation, from 0.
    public var position: Int
    /// Who it is from.
    public var role: Role
    /// The text (empty for most cards).
    public var text: String
    /// The card to show, if any.
    public var card: ConversationCard?
    /// When it was added.
    public var createdAt: Date
}
