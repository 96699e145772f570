import CSQLite

/// An error reported by SQLite: the result code, SQLite's message and the SQL that failed.
///
/// Pattern-match on the primary code:
/// ```swift
/// do { try conn.execute("INSERT INTO users (id, email) VALUES (?, ?)", id, email) }
/// catch let error as SQLiteError where error.code == .constraint { ... }
/// ```
/// Bound values never appear here: SQLite's messages name constraints and columns, and `sql` is
/// the statement text with its `?` placeholders.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
    /// The primary result code (https://sqlite.org/rescode.html).
    public let code: ResultCode
    /// The extended result code, e.g. `SQLITE_CONSTRAINT_FOREIGNKEY` (787).
    public let extendedCode: Int32
    /// SQLite's message (`sqlite3_errmsg`) or ours when the failure is not SQLite's.
    public let message: String
    /// The statement text, when one was being prepared or run.
    public let sql: String?

    /// Creates an error from its parts.
    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.code = ResultCode(rawValue: extendedCode & 0xFF)
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the last error of a connection for a call that returned `resultCode`.
    init(connection: OpaquePointer?, resultCode: Int32, sql: String?) {
        // The connection's last error describes this call only when their primary codes agree.
        if let connection, sqlite3_extended_errcode(connection) & 0xFF == resultCode & 0xFF {
            self.init(
                extendedCode: sqlite3_extended_errcode(connection),
                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        } else {
            self.init(extendedCode: resultCode, message: String(cString: sqlite3_errstr(resultCode)), sql: sql)
        }
    }

    /// "SQLite error 19 (constraint): FOREIGN KEY constraint failed — in: INSERT ...".
    public var description: String {
        var text = "SQLite error \(extendedCode) (\(code.name)): \(message)"
        if let sql { text += " — in: \(sql)" }
        return text
    }
}

/// A primary SQLite result code, comparable with the named constants (`.constraint`, `.busy`...).
public struct ResultCode: RawRepresentable, Hashable, Sendable {
    /// The numeric code, `SQLITE_*` in sqlite3.h.
    public let rawValue: Int32
    /// Wraps a numeric code.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// SQLITE_ERROR: a generic error (often an SQL syntax or missing table error).
    public static let error = ResultCode(rawValue: SQLITE_ERROR)
    /// SQLITE_INTERNAL.
    public static let internalError = ResultCode(rawValue: SQLITE_INTERNAL)
    /// SQLITE_PERM.
    public static let permission = ResultCode(rawValue: SQLITE_PERM)
    /// SQLITE_ABORT.
    public static let abort = ResultCode(rawValue: SQLITE_ABORT)
    /// SQLITE_BUSY: the database file is locked by another connection past the busy timeout.
    public static let busy = ResultCode(rawValue: SQLITE_BUSY)
    /// SQLITE_LOCKED.
    public static let locked = ResultCode(rawValue: SQLITE_LOCKED)
    /// SQLITE_NOMEM.
    public static let noMemory = ResultCode(rawValue: SQLITE_NOMEM)
    /// SQLITE_READONLY: a write on a read-only (reader) connection.
    public static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
    /// SQLITE_IOERR.
    public static let ioError = ResultCode(rawValue: SQLITE_IOERR)
    /// SQLITE_CORRUPT.
    public static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
    /// SQLITE_FULL.
    public static let full = ResultCode(rawValue: SQLITE_FULL)
    /// SQLITE_CANTOPEN.
    public static let cannotOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
    /// SQLITE_CONSTRAINT: UNIQUE, FOREIGN KEY, CHECK, NOT NULL or PRIMARY KEY violated.
    public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    /// SQLITE_MISMATCH: a STRICT column received a value of the wrong type.
    public static let mismatch = ResultCode(rawValue: SQLITE_MISMATCH)
    /// SQLITE_MISUSE.
    public static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
    /// SQLITE_RANGE: a binding index out of range (too many values for the placeholders).
    public static let range = ResultCode(rawValue: SQLITE_RANGE)
    /// SQLITE_NOTADB.
    public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)

    /// SQLite's short English name for the code ("constraint failed" → "constraint").
    public var name: String { String(cString: sqlite3_errstr(rawValue)) }
}
