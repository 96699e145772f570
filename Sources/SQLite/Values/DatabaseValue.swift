/// One SQLite value in one of its five storage classes (https://sqlite.org/datatype3.html §2).
///
/// Everything bound into a statement or read out of a row passes through this enum, so the
/// typed conversions of ``DatabaseValueConvertible`` have one place to meet the C API.
public enum DatabaseValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE 754 double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes.
    case blob([UInt8])

    /// The storage class name SQLite uses ("INTEGER", "TEXT", ...), for error messages that must
    /// describe a value without showing it.
    public var storageClass: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }
}
