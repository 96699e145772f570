import CSQLite
import Foundation

/// A SQLite database file: one writer connection and a pool of reader connections.
///
/// Writes are serialised through the single writer, each in a `BEGIN IMMEDIATE` transaction;
/// reads run on readers beside an open write, which WAL mode allows, each in its own read
/// transaction so a closure sees one consistent snapshot. Safe to share across threads.
///
/// ```swift
/// let db = try Database(path: "/var/lib/switchboard/switchboard.sqlite", readers: 4)
/// try db.write { conn in
///     try conn.execute("INSERT INTO companies (id, name, created_at) VALUES (?, ?, ?)", id, name, Date())
/// }
/// let names = try db.read { conn in
///     try conn.query("SELECT name FROM companies ORDER BY name").map { try $0.get("name", as: String.self) }
/// }
/// ```
public final class Database: Sendable {
    /// The database file's path.
    public let path: String
    /// The configuration the connections were opened with.
    public let configuration: Configuration
    /// The one connection that writes; `writerLock` guards every use of it.
    private nonisolated(unsafe) let writer: Connection
    private let writerLock = NSLock()
    private let readers: ConnectionPool

    /// Opens (creating if needed) the database at `path` with `readers` reader connections.
    ///
    /// Throws ``SQLiteError`` when the file cannot be opened or is not a database.
    public convenience init(path: String, readers: Int = 4) throws {
        try self.init(path: path, configuration: Configuration(readers: readers))
    }

    /// Opens (creating if needed) the database at `path` with a full configuration.
    public init(path: String, configuration: Configuration) throws {
        self.path = path
        self.configuration = configuration
        // NOMUTEX: SQLite's own per-connection mutex is redundant, since we never share a
        // connection between threads (writerLock, the pool).
        let writer = try Connection(
            path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX)
        try Self.configure(writer, configuration: configuration)
        // WAL is a property of the file, so the writer switches it on once for everyone; it lets
        // readers see the last commit while a write is open (https://sqlite.org/wal.html).
        let mode = try writer.queryOne("PRAGMA journal_mode = WAL").flatMap { try $0.get("journal_mode", as: String?.self) }
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(extendedCode: SQLITE_ERROR, message: "could not switch \(path) to WAL mode (got \(mode ?? "nothing"))")
        }
        self.writer = writer
        var readerConnections: [Connection] = []
        for _ in 0..<max(1, configuration.readers) {
            let reader = try Connection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX)
            try Self.configure(reader, configuration: configuration)
            // Readers refuse writes, so a write can only go through `write` and its transaction.
            try reader.execute("PRAGMA query_only = ON")
            readerConnections.append(reader)
        }
        self.readers = ConnectionPool(readerConnections)
    }

    /// Runs `body` in a write transaction on the writer connection and returns its result.
    ///
    /// The transaction begins IMMEDIATE (it takes the write lock at once, so it can never fail
    /// half-way with SQLITE_BUSY on lock upgrade), commits when `body` returns, and rolls back
    /// when `body` throws; the first error is rethrown. Calls from other threads wait their turn;
    /// a `write` inside a `write` would wait for itself: use ``Connection/savepoint(_:)`` instead.
    public func write<Result>(_ body: (Connection) throws -> Result) throws -> Result {
        try writerLock.withLock {
            try writer.transaction(begin: .beginImmediate, body)
        }
    }

    /// Runs `body` in a write transaction committed with `synchronous` instead of the
    /// database's setting, then restores it.
    ///
    /// For records whose loss in a power failure is acceptable and whose rate matters (one audit
    /// line per outbound call): with `.normal` in WAL mode the commit does not wait for an fsync,
    /// the file stays consistent after any crash, and the record becomes durable with the next
    /// checkpoint or the next commit under `.full` (https://sqlite.org/pragma.html#pragma_synchronous).
    public func write<Result>(synchronous: Synchronous, _ body: (Connection) throws -> Result) throws -> Result {
        try writerLock.withLock {
            guard synchronous != configuration.synchronous else { return try writer.transaction(begin: .beginImmediate, body) }
            let restore = "PRAGMA synchronous = \(configuration.synchronous.rawValue)"
            try writer.executeScript("PRAGMA synchronous = \(synchronous.rawValue)")
            let result: Result
            do {
                result = try writer.transaction(begin: .beginImmediate, body)
            } catch {
                // The transaction's error is the one to report; setting a pragma back does not fail in practice.
                try? writer.executeScript(restore)
                throw error
            }
            try writer.executeScript(restore)
            return result
        }
    }

    /// Runs `body` in a read transaction on a reader connection and returns its result.
    ///
    /// Waits for a free reader when all are busy, so do not nest `read` calls (with every reader
    /// inside one, the inner call would wait forever). The snapshot is the last commit at the
    /// first read; writes are refused (`PRAGMA query_only`). A `read` inside a `write` is fine
    /// and sees the state before the write.
    public func read<Result>(_ body: (Connection) throws -> Result) throws -> Result {
        try readers.withConnection { reader in
            try reader.transaction(begin: .beginDeferred, body)
        }
    }

    private static func configure(_ connection: Connection, configuration: Configuration) throws {
        // Foreign keys are off by default in SQLite, per connection; the schema relies on them
        // to keep every row inside its company.
        try connection.execute("PRAGMA foreign_keys = ON")
        // Wait for another process's lock (the CLI migrating beside a server) instead of
        // failing at once with SQLITE_BUSY.
        try connection.executeScript("PRAGMA busy_timeout = \(configuration.busyTimeoutMilliseconds)")
        try connection.executeScript("PRAGMA synchronous = \(configuration.synchronous.rawValue)")
    }
}
