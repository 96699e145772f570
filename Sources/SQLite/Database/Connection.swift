import CSQLite

/// One SQLite connection with its prepared-statement cache.
///
/// A connection is handed to one closure at a time by ``Database`` (the writer under its lock,
/// readers checked out of the pool), so it is never used by two threads at once; do not keep it
/// after the closure returns.
///
/// ```swift
/// try db.write { conn in
///     try conn.execute("INSERT INTO users (id, email) VALUES (?, ?)", id, email)
///     let row = try conn.queryOne("SELECT email FROM users WHERE id = ?", id)
/// }
/// ```
public final class Connection {
    let handle: OpaquePointer
    /// Prepared statements keyed by their SQL text; finalized when the connection closes.
    private var statements: [String: Statement] = [:]
    /// The statement `prepared` returned last; also in `statements`.
    private var lastStatement: Statement?
    /// Copies of the text and blob values bound to the statement being run.
    private let bindingBuffer = BindingBuffer()
    /// How many savepoints are open, so nested ones get distinct names.
    private var savepointDepth = 0
    /// BEGIN, COMMIT and ROLLBACK run around every closure: kept apart from `statements` so they
    /// cost no hashing of SQL text.
    /// Indexed by `TransactionStatement.rawValue`.
    private var transactionStatements = [Statement?](repeating: nil, count: TransactionStatement.allCases.count)

    /// The statements that open and close transactions.
    enum TransactionStatement: Int, CaseIterable {
        case beginDeferred, beginImmediate, commit, rollback

        var sql: String {
            switch self {
            case .beginDeferred: "BEGIN DEFERRED"
            case .beginImmediate: "BEGIN IMMEDIATE"
            case .commit: "COMMIT"
            case .rollback: "ROLLBACK"
            }
        }
    }

    init(path: String, flags: Int32) throws(SQLiteError) {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(connection: handle, resultCode: code, sql: nil)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        lastStatement = nil
        statements.removeAll()
        transactionStatements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one statement, binding `bindings` to its `?` placeholders in order.
    public func execute(_ sql: String, _ bindings: (any DatabaseValueConvertible)?...) throws {
        try execute(sql, bindings: bindings)
    }

    /// Runs one statement with an array of bindings (for statements built with a variable list).
    public func execute(_ sql: String, bindings: [(any DatabaseValueConvertible)?]) throws {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(bindings, buffer: bindingBuffer)
        while try statement.step() {}
    }

    /// Runs a query and returns every row.
    public func query(_ sql: String, _ bindings: (any DatabaseValueConvertible)?...) throws -> [Row] {
        try query(sql, bindings: bindings)
    }

    /// Runs a query with an array of bindings and returns every row.
    public func query(_ sql: String, bindings: [(any DatabaseValueConvertible)?]) throws -> [Row] {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(bindings, buffer: bindingBuffer)
        var rows: [Row] = []
        let layout = statement.layout()
        while try statement.step() {
            rows.append(statement.row(layout: layout))
        }
        return rows
    }

    /// Runs a query and returns its first row, or nil when there is none.
    public func queryOne(_ sql: String, _ bindings: (any DatabaseValueConvertible)?...) throws -> Row? {
        try queryOne(sql, bindings: bindings)
    }

    /// Runs a query with an array of bindings and returns its first row, or nil.
    public func queryOne(_ sql: String, bindings: [(any DatabaseValueConvertible)?]) throws -> Row? {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(bindings, buffer: bindingBuffer)
        guard try statement.step() else { return nil }
        return statement.row(layout: statement.layout())
    }

    /// Runs SQL text of several statements with no bindings (migrations, schema scripts).
    ///
    /// Not cached: scripts run once. Never build the text from input: bind values instead.
    public func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: text)
        }
    }

    /// The rowid of the last row this connection inserted.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// How many rows the last INSERT, UPDATE or DELETE changed.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// True while a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// How many statements the cache holds (for tests and diagnostics).
    public var cachedStatementCount: Int { statements.count }

    /// Runs `body` inside a savepoint: released when it returns, rolled back to (and released)
    /// when it throws, and the error rethrown. Nests; the enclosing transaction goes on either way.
    public func savepoint<Result>(_ body: (Connection) throws -> Result) throws -> Result {
        let name = "savepoint_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        do {
            let result = try body(self)
            try execute("RELEASE \(name)")
            return result
        } catch {
            // The first error is the one to report; a failed rollback would leave it unchanged.
            try? execute("ROLLBACK TO \(name)")
            try? execute("RELEASE \(name)")
            throw error
        }
    }

    /// Runs `body` in a transaction begun with `begin`: committed when it returns, rolled back
    /// when it (or the commit) throws, and the first error rethrown.
    func transaction<Result>(begin: TransactionStatement, _ body: (Connection) throws -> Result) throws -> Result {
        try run(begin)
        do {
            let result = try body(self)
            try run(.commit)
            return result
        } catch {
            if isInTransaction { try? run(.rollback) }
            throw error
        }
    }

    private func run(_ kind: TransactionStatement) throws(SQLiteError) {
        let statement: Statement
        if let cached = transactionStatements[kind.rawValue] {
            statement = cached
        } else {
            statement = try Statement(connection: handle, sql: kind.sql)
            transactionStatements[kind.rawValue] = statement
        }
        defer { statement.reset() }
        while try statement.step() {}
    }

    /// The cached statement for `sql`, prepared on first use.
    private func prepared(_ sql: String) throws(SQLiteError) -> Statement {
        // Loops run one statement many times: comparing with the last one is cheaper than
        // hashing the SQL text (equal literals share storage, so the comparison is one check).
        if let lastStatement, lastStatement.sql == sql { return lastStatement }
        let statement: Statement
        if let cached = statements[sql] {
            statement = cached
        } else {
            statement = try Statement(connection: handle, sql: sql)
            statements[sql] = statement
        }
        lastStatement = statement
        return statement
    }
}
