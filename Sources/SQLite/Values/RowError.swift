/// A row could not give the value asked for. Messages name the column and types, never the value.
public enum RowError: Error, Equatable, CustomStringConvertible {
    /// The result has no column of that name.
    case missingColumn(String)
    /// The stored value's storage class does not convert to the requested Swift type.
    case typeMismatch(column: String, expected: String, found: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .missingColumn(let column):
            "no column named \"\(column)\" in the result"
        case .typeMismatch(let column, let expected, let found):
            "column \"\(column)\" holds \(found), which cannot be read as \(expected)"
        }
    }
}
