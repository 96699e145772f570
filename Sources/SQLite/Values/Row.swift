/// One result row, read by column name.
///
/// ```swift
/// let email: String = try row.get("email")
/// let name = try row.get("display_name", as: String?.self)
/// let count = try row["count"] as Int
/// ```
public struct Row: Sendable {
    let layout: RowLayout
    /// The row's values, in column order.
    public let values: [DatabaseValue]

    init(layout: RowLayout, values: [DatabaseValue]) {
        self.layout = layout
        self.values = values
    }

    /// The result's column names, in order.
    public var columnNames: [String] { layout.names }

    /// The raw value of a column, or nil when the result has no such column.
    public func databaseValue(_ column: String) -> DatabaseValue? {
        guard let index = layout.index(of: column) else { return nil }
        return values[index]
    }

    /// Reads a column as a typed value.
    ///
    /// Throws ``RowError/missingColumn(_:)`` when the result has no such column and
    /// ``RowError/typeMismatch(column:expected:found:)`` when the stored value does not convert
    /// (NULL read as a non-optional type included). Ask for an `Optional` to accept NULL.
    public func get<Value: DatabaseValueConvertible>(
        _ column: String, as type: Value.Type = Value.self
    ) throws(RowError) -> Value {
        guard let index = layout.index(of: column) else { throw .missingColumn(column) }
        let stored = values[index]
        guard let value = Value(databaseValue: stored) else {
            throw .typeMismatch(column: column, expected: String(describing: Value.self), found: stored.storageClass)
        }
        return value
    }

    /// Reads a column as a typed value: `try row["email"] as String`. Same rules as ``get(_:as:)``.
    public subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value {
        get throws(RowError) { try get(column, as: Value.self) }
    }
}

/// Column names of a prepared statement's result, shared by every row it produces.
final class RowLayout: Sendable {
    let names: [String]
    private let positions: [String: Int]

    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        // The first of two equally named columns wins, as in SQLite's own name lookups.
        for (position, name) in names.enumerated() where positions[name] == nil {
            positions[name] = position
        }
        self.positions = positions
    }

    func index(of column: String) -> Int? {
        // Most results have a handful of short names: comparing them (two words each for names
        // of up to 15 bytes) beats hashing the name.
        if names.count <= 16 { return names.firstIndex(of: column) }
        return positions[column]
    }
}
