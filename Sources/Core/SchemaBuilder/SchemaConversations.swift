import Foundation
import OpenAPI
import SQLite

/// The "Ask" conversations of one company: documentation and corrections in the order given.
public struct SchemaConversations: Sendable {
    public let database: Database
    public let companyID: String
    public let clock: WallClock

    /// The most text one conversation keeps (documentation is long, but not without end).
    public static let maximumBytes = 8 << 20

    public init(database: Database, companyID: String, clock: WallClock = .system) {
        self.database = database
        self.companyID = companyID
        self.clock = clock
    }

    /// Starts a conversation with its first message; returns its id.
    public func start(with message: DraftMessage, by actor: Actor) throws -> String {
        let id = try Identifier.make()
        let now = clock.now()
        try database.write { conn in
            try conn.execute(
                "INSERT INTO schema_conversations (company_id, id, messages, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                companyID, id, try Self.encode([message]), actor.userID, now, now)
        }
        return id
    }

    /// The messages so far; `notFound` for another company's id.
    public func messages(_ id: String) throws -> [DraftMessage] {
        let text: String? = try database.read { conn in
            try conn.queryOne("SELECT messages FROM schema_conversations WHERE company_id = ? AND id = ?", companyID, id)?["messages"]
        }
        guard let text else { throw DomainError(.notFound, "This conversation does not exist (any more).") }
        return try Self.decode(text)
    }

    /// Adds a message at the end.
    public func append(_ message: DraftMessage, to id: String) throws {
        var all = try messages(id)
        all.append(message)
        let encoded = try Self.encode(all)
        guard encoded.utf8.count <= Self.maximumBytes else {
            throw DomainError(.invalid, "This conversation holds as much documentation as it can. Use the draft, or start a new one.", field: "message")
        }
        try database.write { conn in
            try conn.execute(
                "UPDATE schema_conversations SET messages = ?, updated_at = ? WHERE company_id = ? AND id = ?", encoded, clock.now(), companyID, id)
        }
    }

    private struct Stored: Codable {
        var kind: String
        var source: String?
        var text: String
    }

    static func encode(_ messages: [DraftMessage]) throws -> String {
        let stored = messages.map { message -> Stored in
            switch message {
            case .documentation(let piece): Stored(kind: "documentation", source: piece.source, text: piece.text)
            case .correction(let text): Stored(kind: "correction", source: nil, text: text)
            }
        }
        return String(decoding: try JSONEncoder().encode(stored), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [DraftMessage] {
        try JSONDecoder().decode([Stored].self, from: Data(text.utf8)).map { stored in
            stored.kind == "documentation"
                ? .documentation(DocumentationPiece(source: stored.source ?? "documentation", text: stored.text))
                : .correction(stored.text)
        }
    }
}
