import Foundation
import SQLite

/// A stored pending action, as the runner reads it back.
struct PendingActionRow {
    var id: String
    var conversationID: String
    var actionID: String
    var userID: String
    var status: PendingActionStatus
    var expiresAt: Date
    /// The model's call it answers.
    var call: ToolCall

    static let columns = "id, conversation_id, action_id, user_id, status, expires_at, tool_call"

    init(_ row: Row) throws {
        id = try row["id"]
        conversationID = try row["conversation_id"]
        actionID = try row["action_id"]
        userID = try row["user_id"]
        guard let status = PendingActionStatus(rawValue: try row["status"]) else {
            throw DomainError(.invalid, "Unknown pending action status in the database.")
        }
        self.status = status
        expiresAt = try row["expires_at"]
        guard let call: String = try row["tool_call"] else {
            throw DomainError(.invalid, "A pending action without its call cannot resume.")
        }
        self.call = try MessageLog.decode(ToolCall.self, call)
    }
}
