import CSQLite

/// A prepared statement owned by one connection's cache.
///
/// Not shared across threads: it is only used while its connection is checked out to one caller.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    private let connection: OpaquePointer
    /// Column names of the result, computed once per preparation (see ``layout()``).
    private var cachedLayout: RowLayout?

    init(connection: OpaquePointer, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        // SQLITE_PREPARE_PERSISTENT: the statement lives in the cache and is reused many times.
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(connection: connection, resultCode: code, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds values to the `?` placeholders in order; fails when the counts differ.
    ///
    /// Text and blob bytes are copied into `buffer` and bound without another copy
    /// (`SQLITE_STATIC`): the caller must reset this statement before `buffer` is used again.
    func bind(_ bindings: [(any DatabaseValueConvertible)?], buffer: BindingBuffer) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard bindings.count == expected else {
            throw SQLiteError(
                extendedCode: SQLITE_RANGE,
                message: "statement has \(expected) placeholders but \(bindings.count) values were bound", sql: sql)
        }
        let scratch = buffer.start()
        var used = 0
        for (offset, binding) in bindings.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch binding?.databaseValue ?? .null {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .integer(let integer):
                code = sqlite3_bind_int64(handle, index, integer)
            case .real(let real):
                code = sqlite3_bind_double(handle, index, real)
            case .text(var text):
                code = text.withUTF8 { bytes in
                    let source = UnsafeRawBufferPointer(bytes)
                    return bindBytes(source, scratch: scratch, used: &used) { pointer, count, destructor in
                        sqlite3_bind_text(handle, index, pointer.assumingMemoryBound(to: CChar.self), count, destructor)
                    }
                }
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { source in
                    bindBytes(source, scratch: scratch, used: &used) { pointer, count, destructor in
                        sqlite3_bind_blob(handle, index, pointer, count, destructor)
                    }
                }
            }
            guard code == SQLITE_OK else { throw SQLiteError(connection: connection, resultCode: code, sql: sql) }
        }
        buffer.note(need: used)
    }

    /// Binds bytes from a copy in `scratch` when they fit (`SQLITE_STATIC`: nil destructor),
    /// else lets SQLite copy them (`SQLITE_TRANSIENT`); `used` counts the bytes they needed.
    private func bindBytes(
        _ source: UnsafeRawBufferPointer, scratch: UnsafeMutableRawBufferPointer, used: inout Int,
        _ bind: (UnsafeRawPointer, Int32, sqlite3_destructor_type?) -> Int32
    ) -> Int32 {
        // The scratch buffer is allocated with a positive size, so it always has an address.
        guard let scratchAddress = scratch.baseAddress else { return SQLITE_NOMEM }
        // Empty text or blob: any valid address will do, since SQLite reads no bytes (a NULL
        // pointer would bind SQL NULL instead).
        guard let sourceAddress = source.baseAddress else { return bind(scratchAddress, 0, nil) }
        // SQLite takes lengths as Int32; its own limit (SQLITE_MAX_LENGTH) is lower still.
        guard source.count <= Int(Int32.max) else { return SQLITE_TOOBIG }
        defer { used += source.count }
        guard used + source.count <= scratch.count else {
            return bind(sourceAddress, Int32(source.count), csqlite_transient())
        }
        let destination = scratchAddress + used
        destination.copyMemory(from: sourceAddress, byteCount: source.count)
        return bind(destination, Int32(source.count), nil)
    }

    /// Advances to the next row: true when a row is ready, false when done.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(connection: connection, resultCode: code, sql: sql)
        }
    }

    /// Makes the statement ready for its next use and drops its bound values, which may point
    /// into the connection's binding buffer (SQLITE_STATIC) and must not outlive this use.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The result's column names; recomputed if a schema change altered the column count.
    func layout() -> RowLayout {
        let count = Int(sqlite3_column_count(handle))
        if let cachedLayout, cachedLayout.names.count == count { return cachedLayout }
        let names = (0..<count).map { column in
            sqlite3_column_name(handle, Int32(column)).map { String(cString: $0) } ?? ""
        }
        let layout = RowLayout(names: names)
        cachedLayout = layout
        return layout
    }

    /// Reads the current row's values.
    func row(layout: RowLayout) -> Row {
        var values: [DatabaseValue] = []
        values.reserveCapacity(layout.names.count)
        for column in 0..<Int32(layout.names.count) {
            values.append(value(at: column))
        }
        return Row(layout: layout, values: values)
    }

    private func value(at column: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            // Read the pointer before the length, as https://sqlite.org/c3ref/column_blob.html asks.
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(handle, column) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
        default:
            return .null
        }
    }
}
