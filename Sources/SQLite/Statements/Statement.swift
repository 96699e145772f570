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
        // Each value converted once, into stack memory: a heap array per call would cost more
        // than the binding itself.
        try withUnsafeTemporaryAllocation(of: DatabaseValue.self, capacity: bindings.count) { values throws(SQLiteError) in
            var byteCount = 0
            for (offset, binding) in bindings.enumerated() {
                let value = binding?.databaseValue ?? .null
                switch value {
                case .text(let text): byteCount += text.utf8.count
                case .blob(let bytes): byteCount += bytes.count
                default: break
                }
                values.initializeElement(at: offset, to: value)
            }
            defer { _ = values.deinitialize() }
            var cursor = buffer.reserve(byteCount)
            for offset in 0..<bindings.count {
                try bind(values[offset], at: Int32(offset + 1), cursor: &cursor)
            }
        }
    }

    /// Binds one value; text and blob bytes are copied to `cursor`, which moves past them.
    private func bind(_ value: DatabaseValue, at index: Int32, cursor: inout UnsafeMutableRawPointer) throws(SQLiteError) {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(let text):
            let count = Self.copy(text, to: cursor)
            // nil destructor = SQLITE_STATIC: SQLite reads the bytes in place.
            code = sqlite3_bind_text(handle, index, cursor.assumingMemoryBound(to: CChar.self), Int32(count), nil)
            cursor += count
        case .blob(let bytes):
            bytes.withUnsafeBytes { raw in
                if let source = raw.baseAddress { cursor.copyMemory(from: source, byteCount: raw.count) }
            }
            code = sqlite3_bind_blob(handle, index, cursor, Int32(bytes.count), nil)
            cursor += bytes.count
        }
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection, resultCode: code, sql: sql) }
    }

    /// Copies a string's UTF-8 bytes to `destination`; returns how many.
    private static func copy(_ text: String, to destination: UnsafeMutableRawPointer) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            if let source = bytes.baseAddress { destination.copyMemory(from: source, byteCount: bytes.count) }
            return bytes.count
        }
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

    /// Makes the statement ready for its next use and drops references to bound values.
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
