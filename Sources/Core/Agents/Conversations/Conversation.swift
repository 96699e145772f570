import Foundation

/// A member's conversation with an agent; only that member sees it.
public struct Conversation: Sendable, Hashable {
    /// The id.
    public var id: String
    /// The agent.
    public var agentID: String
    /// The agent's name, for lists.
    public var agentName: String
    /// The member it belongs to.
    public var userID: String
    /// The start of the first message, or empty before one is sent.
    public var title: String
    /// When it was started.
    public var createdAt: Date
    /// When the last message was added.
    public var updatedAt: Date
}

/// A conversation with its agent and the messages to show, in order.
public struct ConversationDetail: Sendable, Hashable {
    /// The conversation.
    public var conversation: Conversation
    /// Its agent.
    public var agent: Agent
    /// What to show: the member's messages, the agent's replies and the cards, by position.
    /// Steps only the model sees (its tool calls, a refused call's reason) are left out.
    public var messages: [ConversationMessage]
}
