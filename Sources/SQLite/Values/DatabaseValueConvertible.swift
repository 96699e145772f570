import Foundation

/// A Swift type that can be bound into a statement and read back out of a row.
///
/// Conforming types: `Int64`, `Int`, `Double`, `String`, `[UInt8]`, `Bool` (INTEGER 0/1),
/// `Date` (REAL unix time in seconds, see below), `DatabaseValue` itself, and `Optional` of any
/// of them (`nil` is NULL).
public protocol DatabaseValueConvertible: Sendable {
    /// The value as SQLite stores it.
    var databaseValue: DatabaseValue { get }
    /// Converts a stored value back, or returns nil when the stored type does not fit.
    init?(databaseValue: DatabaseValue)
}

extension DatabaseValue: DatabaseValueConvertible {
    /// The value itself.
    public var databaseValue: DatabaseValue { self }
    /// Always succeeds: any stored value is a `DatabaseValue`.
    public init?(databaseValue: DatabaseValue) { self = databaseValue }
}

extension Int64: DatabaseValueConvertible {
    /// An INTEGER.
    public var databaseValue: DatabaseValue { .integer(self) }
    /// Reads an INTEGER only: a REAL or TEXT is a type mismatch, not a silent conversion.
    public init?(databaseValue: DatabaseValue) {
        guard case .integer(let value) = databaseValue else { return nil }
        self = value
    }
}

extension Int: DatabaseValueConvertible {
    /// An INTEGER.
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
    /// Reads an INTEGER that fits in `Int`.
    public init?(databaseValue: DatabaseValue) {
        guard case .integer(let value) = databaseValue, let fitted = Int(exactly: value) else { return nil }
        self = fitted
    }
}

extension Double: DatabaseValueConvertible {
    /// A REAL.
    public var databaseValue: DatabaseValue { .real(self) }
    /// Reads a REAL, or an INTEGER (SQLite stores integral REALs of STRICT tables as REAL, but an
    /// expression such as `SUM` over integers yields INTEGER).
    public init?(databaseValue: DatabaseValue) {
        switch databaseValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }
}

extension String: DatabaseValueConvertible {
    /// TEXT.
    public var databaseValue: DatabaseValue { .text(self) }
    /// Reads TEXT only.
    public init?(databaseValue: DatabaseValue) {
        guard case .text(let value) = databaseValue else { return nil }
        self = value
    }
}

extension Array: DatabaseValueConvertible where Element == UInt8 {
    /// A BLOB.
    public var databaseValue: DatabaseValue { .blob(self) }
    /// Reads a BLOB only.
    public init?(databaseValue: DatabaseValue) {
        guard case .blob(let value) = databaseValue else { return nil }
        self = value
    }
}

extension Bool: DatabaseValueConvertible {
    /// INTEGER 1 or 0 (SQLite has no boolean type; schema columns say `CHECK (x = 0 OR x = 1)`).
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
    /// Reads INTEGER 0 or 1; any other value is a type mismatch.
    public init?(databaseValue: DatabaseValue) {
        switch databaseValue {
        case .integer(0): self = false
        case .integer(1): self = true
        default: return nil
        }
    }
}

extension Date: DatabaseValueConvertible {
    /// REAL seconds since the unix epoch.
    ///
    /// REAL rather than INTEGER because `timeIntervalSince1970` is itself a Double: a date
    /// round-trips exactly (sub-second precision kept, so audit events order correctly), and SQL
    /// can still compare it with `unixepoch('now')` or `strftime('%s')`.
    public var databaseValue: DatabaseValue { .real(timeIntervalSince1970) }
    /// Reads REAL or INTEGER unix seconds.
    public init?(databaseValue: DatabaseValue) {
        guard let seconds = Double(databaseValue: databaseValue) else { return nil }
        self = Date(timeIntervalSince1970: seconds)
    }
}

extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    /// NULL for nil, else the wrapped value.
    public var databaseValue: DatabaseValue {
        switch self {
        case .none: .null
        case .some(let wrapped): wrapped.databaseValue
        }
    }
    /// nil for NULL; otherwise the wrapped type's conversion (which may still fail).
    public init?(databaseValue: DatabaseValue) {
        if case .null = databaseValue {
            self = .none
            return
        }
        guard let wrapped = Wrapped(databaseValue: databaseValue) else { return nil }
        self = .some(wrapped)
    }
}
