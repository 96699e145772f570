/// A readable answer to one tool result, structured for the web layer: a headline sentence, the
/// key fields, a table for lists, and the raw JSON (behind a disclosure).
public struct Summary: Sendable, Hashable, Codable {
    /// One labelled value ("Status": "shipped").
    public struct Field: Sendable, Hashable, Codable {
        /// The label, in words ("Created at").
        public var label: String
        /// The value as text.
        public var value: String

        /// Creates a field.
        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A list shown as a table.
    public struct Table: Sendable, Hashable, Codable {
        /// The column headings, in words.
        public var columns: [String]
        /// The rows shown, each with one text per column.
        public var rows: [[String]]
        /// How many rows the list had (more than `rows.count` when it was cut).
        public var totalRows: Int

        /// Creates a table.
        public init(columns: [String], rows: [[String]], totalRows: Int) {
            self.columns = columns
            self.rows = rows
            self.totalRows = totalRows
        }
    }

    /// The reply's sentence ("Order 42 is shipped.").
    public var headline: String
    /// The key fields of an object result, most telling first.
    public var fields: [Field]
    /// The rows of a list result.
    public var table: Table?
    /// The whole (redacted) result, pretty-printed JSON.
    public var rawJSON: String

    /// Creates a summary.
    public init(headline: String, fields: [Field] = [], table: Table? = nil, rawJSON: String = "") {
        self.headline = headline
        self.fields = fields
        self.table = table
        self.rawJSON = rawJSON
    }
}
