import Foundation
import SQLite

/// The stored messages of conversations, in one company: what the model sees and what is shown.
///
/// A row the model sees keeps its ``ModelMessage`` as JSON in `messages.tool_call` (the user's
/// text, the model's calls and replies, the tool results); a row with a `card` is shown as that
/// card. A tool result row has both: the model reads the redacted result, the member sees the
/// card. Positions are taken inside the writer's transaction, so they never collide.
struct MessageLog {
    /// One message to store.
    struct Entry {
        var role: ConversationMessage.Role
        var text: String
        var modelMessage: ModelMessage?
        var card: ConversationCard?

        static func model(_ message: ModelMessage, card: ConversationCard? = nil) -> Entry {
            switch message {
            case .user(let text): Entry(role: .user, text: text, modelMessage: message, card: card)
            case .assistant(let text, _): Entry(role: .assistant, text: text, modelMessage: message, card: card)
            case .system(let text): Entry(role: .assistant, text: text, modelMessage: message, card: card)
            case .tool: Entry(role: .tool, text: "", modelMessage: message, card: card)
            }
        }

        static func card(_ card: ConversationCard) -> Entry {
            Entry(role: .tool, text: "", modelMessage: nil, card: card)
        }
    }

    let companyID: String

    /// Appends `entries` after the conversation's last message and touches the conversation.
    func append(_ entries: [Entry], conversationID: String, at time: Date, in conn: Connection) throws -> [ConversationMessage] {
        guard !entries.isEmpty else { return [] }
        let last: Int? = try conn.queryOne(
            "SELECT max(position) AS last FROM messages WHERE company_id = ? AND conversation_id = ?", companyID, conversationID)?["last"]
        var position = (last ?? -1) + 1
        var added: [ConversationMessage] = []
        for entry in entries {
            let id = try Identifier.make()
            try conn.execute(
                """
                INSERT INTO messages (company_id, id, conversation_id, position, role, content, tool_call, card, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, companyID, id, conversationID, position, entry.role.rawValue, entry.text,
                try entry.modelMessage.map(Self.encode), try entry.card.map(Self.encode), time)
            added.append(
                ConversationMessage(id: id, position: position, role: entry.role, text: entry.text, card: entry.card, createdAt: time))
            position += 1
        }
        try conn.execute(
            "UPDATE conversations SET updated_at = ? WHERE company_id = ? AND id = ?", time, companyID, conversationID)
        return added.filter(Self.isShown)
    }

    /// The conversation as its model sees it, in order.
    func modelConversation(conversationID: String, in conn: Connection) throws -> [ModelMessage] {
        try conn.query(
            """
            SELECT tool_call FROM messages WHERE company_id = ? AND conversation_id = ? AND tool_call IS NOT NULL ORDER BY position
            """, companyID, conversationID
        ).map { row in try Self.decode(ModelMessage.self, try row["tool_call"]) }
    }

    /// The messages to show, in order.
    func shown(conversationID: String, in conn: Connection) throws -> [ConversationMessage] {
        try conn.query(
            "SELECT id, position, role, content, card, created_at FROM messages WHERE company_id = ? AND conversation_id = ? ORDER BY position",
            companyID, conversationID
        ).map(Self.message).filter(Self.isShown)
    }

    /// One message by id, in a conversation.
    func message(_ id: String, conversationID: String, in conn: Connection) throws -> ConversationMessage {
        guard
            let row = try conn.queryOne(
                "SELECT id, position, role, content, card, created_at FROM messages WHERE company_id = ? AND conversation_id = ? AND id = ?",
                companyID, conversationID, id)
        else { throw DomainError(.notFound, "No such message.") }
        return try Self.message(row)
    }

    /// Replaces a message's card (a parameters form once answered).
    func replaceCard(of messageID: String, with card: ConversationCard, in conn: Connection) throws {
        try conn.execute("UPDATE messages SET card = ? WHERE company_id = ? AND id = ?", try Self.encode(card), companyID, messageID)
    }

    private static func isShown(_ message: ConversationMessage) -> Bool {
        message.card != nil || message.role == .user || (message.role == .assistant && !message.text.isEmpty)
    }

    private static func message(_ row: Row) throws -> ConversationMessage {
        let card: String? = try row["card"]
        return ConversationMessage(
            id: try row["id"], position: try row["position"], role: ConversationMessage.Role(rawValue: try row["role"]) ?? .tool,
            text: try row["content"], card: try card.map { try decode(ConversationCard.self, $0) }, createdAt: try row["created_at"])
    }

    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw DomainError(.invalid, "A message cannot be stored: \(error).")
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw DomainError(.invalid, "A stored message cannot be read.")
        }
    }
}

extension ModelMessage {
    /// The tool calls of an assistant message, else none.
    var toolCalls: [ToolCall] {
        if case .assistant(_, let calls) = self { calls } else { [] }
    }

    /// Whether this is a tool result.
    var isToolResult: Bool {
        if case .tool = self { true } else { false }
    }

    /// `messages` with a "waiting" result after every call that has none in the results right
    /// after its step (a write waiting for Confirm while the member wrote on), so providers,
    /// which require an answer to each call, accept the conversation.
    static func answeringOpenCalls(_ messages: [ModelMessage]) -> [ModelMessage] {
        var answered: [ModelMessage] = []
        var index = messages.startIndex
        while index < messages.endIndex {
            let message = messages[index]
            answered.append(message)
            index += 1
            let calls = message.toolCalls
            guard !calls.isEmpty else { continue }
            var resultIDs: Set<String> = []
            while index < messages.endIndex, case .tool(let result) = messages[index] {
                resultIDs.insert(result.callID)
                answered.append(messages[index])
                index += 1
            }
            for call in calls where !resultIDs.contains(call.id) {
                answered.append(
                    .tool(
                        ToolResult(
                            callID: call.id, toolName: call.name, content: .string("Not run yet: waiting for the user's decision."),
                            isError: true)))
            }
        }
        return answered
    }
}
