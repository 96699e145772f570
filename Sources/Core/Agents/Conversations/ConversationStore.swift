import Foundation
import SQLite

/// A company's conversations, each seen only by the member it belongs to: another member's
/// conversation (or another company's) is ``DomainError/Code/notFound``. Made for one company.
///
/// Turns are run by ``AgentRunner``; this store starts, lists and reads conversations.
///
/// ```swift
/// let conversations = ConversationStore(database: db, companyID: company.id)
/// let conversation = try conversations.start(agentID: agent.id, by: member.id)
/// let detail = try conversations.get(conversation.id, for: member.id)
/// ```
public struct ConversationStore: Sendable {
    /// The database.
    public let database: Database
    /// The company.
    public let companyID: String
    /// The time source.
    public let clock: WallClock

    /// Creates the store of one company.
    public init(database: Database, companyID: String, clock: WallClock = .system) {
        self.database = database
        self.companyID = companyID
        self.clock = clock
    }

    /// Starts a conversation of `userID` (a member, for themself) with an agent.
    public func start(agentID: String, by userID: String) throws -> Conversation {
        let now = clock.now()
        let id = try Identifier.make()
        return try database.write { conn in
            let agent = try AgentStore(database: database, companyID: companyID, clock: clock).agent(agentID, in: conn)
            guard try conn.queryOne("SELECT 1 FROM memberships WHERE company_id = ? AND user_id = ?", companyID, userID) != nil else {
                throw DomainError(.notFound, "No such member.")
            }
            try conn.execute(
                "INSERT INTO conversations (company_id, id, agent_id, user_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, '', ?, ?)",
                companyID, id, agentID, userID, now, now)
            return Conversation(id: id, agentID: agentID, agentName: agent.name, userID: userID, title: "", createdAt: now, updatedAt: now)
        }
    }

    /// The member's conversations, most recent first; optionally only those with one agent.
    public func list(for userID: String, agentID: String? = nil, limit: Int = 100) throws -> [Conversation] {
        try database.read { conn in
            try conn.query(
                """
                SELECT \(Self.columns) FROM conversations c JOIN agents a ON a.company_id = c.company_id AND a.id = c.agent_id
                WHERE c.company_id = ? AND c.user_id = ? AND (? IS NULL OR c.agent_id = ?)
                ORDER BY c.updated_at DESC LIMIT ?
                """, companyID, userID, agentID, agentID, limit
            ).map(Self.conversation)
        }
    }

    /// One of the member's conversations with the messages to show.
    public func get(_ id: String, for userID: String) throws -> ConversationDetail {
        try database.read { conn in
            let conversation = try conversation(id, for: userID, in: conn)
            let agent = try AgentStore(database: database, companyID: companyID, clock: clock).agent(conversation.agentID, in: conn)
            var statuses: [String: PendingActionStatus] = [:]
            for row in try conn.query("SELECT id, status FROM pending_actions WHERE company_id = ? AND conversation_id = ?", companyID, id)
            {
                statuses[try row["id"]] = PendingActionStatus(rawValue: try row["status"])
            }
            let messages = try MessageLog(companyID: companyID).shown(conversationID: id, in: conn).map { message in
                var message = message
                switch message.card {
                case .confirmation(var card)?:
                    card.status = statuses[card.pendingActionID] ?? card.status
                    message.card = .confirmation(card)
                case .connect(var card)?:
                    card.status = statuses[card.pendingActionID] ?? card.status
                    message.card = .connect(card)
                default: break
                }
                return message
            }
            return ConversationDetail(conversation: conversation, agent: agent, messages: messages)
        }
    }

    static let columns = "c.id, c.agent_id, a.name AS agent_name, c.user_id, c.title, c.created_at, c.updated_at"

    func conversation(_ id: String, for userID: String, in conn: Connection) throws -> Conversation {
        guard
            let row = try conn.queryOne(
                """
                SELECT \(Self.columns) FROM conversations c JOIN agents a ON a.company_id = c.company_id AND a.id = c.agent_id
                WHERE c.company_id = ? AND c.id = ? AND c.user_id = ?
                """, companyID, id, userID)
        else { throw DomainError(.notFound, "No such conversation.") }
        return try Self.conversation(row)
    }

    static func conversation(_ row: Row) throws -> Conversation {
        Conversation(
            id: try row["id"], agentID: try row["agent_id"], agentName: try row["agent_name"], userID: try row["user_id"],
            title: try row["title"], createdAt: try row["created_at"], updatedAt: try row["updated_at"])
    }
}
