import YAML

/// Writes a ``Summary`` of a tool result without any model: the key fields of an object, a
/// table for a list, a plain sentence for an error. Deterministic; both models use it for the
/// structure of their summaries.
public struct ResultSummarizer: Sendable {
    /// The most rows a table shows.
    public var maximumRows: Int
    /// The most columns a table shows.
    public var maximumColumns: Int
    /// The most key fields shown for an object.
    public var maximumFields: Int

    /// Keys shown first, in this order, when a result has them (compared without case, `_`, `-`).
    static let keyFields = [
        "id", "number", "reference", "name", "title", "subject", "status", "state", "customer", "email", "total",
        "amount", "price", "currency", "quantity", "date", "duedate", "createdat", "created", "updatedat",
    ]
    /// Object keys that usually hold a response's list.
    private static let listKeys = ["data", "items", "results", "records", "entries", "rows", "values", "list", "content"]

    /// Creates a summarizer.
    public init(maximumRows: Int = 20, maximumColumns: Int = 6, maximumFields: Int = 8) {
        self.maximumRows = maximumRows
        self.maximumColumns = maximumColumns
        self.maximumFields = maximumFields
    }

    /// The summary of `result`, worded for `tool` when it is known.
    public func summary(of result: ToolResult, tool: ToolDescription?) -> Summary {
        let subject = Subject(tool: tool)
        let rawJSON = result.content.jsonText(pretty: true)
        if result.isError {
            return Summary(headline: failureHeadline(result, subject: subject), fields: fields(of: result.content), rawJSON: rawJSON)
        }
        if let (list, object) = list(in: result.content) {
            var summary = Summary(headline: listHeadline(count: list.count, subject: subject), rawJSON: rawJSON)
            summary.table = list.isEmpty ? nil : table(of: list)
            if let object { summary.fields = fields(of: .object(object.filtering { $0.value.arrayValue == nil })) }
            return summary
        }
        switch result.content {
        case .object(let object):
            let fields = fields(of: .object(object))
            return Summary(headline: objectHeadline(object, subject: subject), fields: fields, rawJSON: rawJSON)
        case .string(let text) where !text.isEmpty:
            return Summary(headline: String(text.prefix(500)), rawJSON: rawJSON)
        default:
            return Summary(headline: "\(subject.title) succeeded.", rawJSON: rawJSON)
        }
    }

    /// The list in a result and, when it sits in an object (`{"data": [...], "total": 3}`), that object.
    private func list(in content: OrderedValue) -> ([OrderedValue], OrderedObject?)? {
        if case .array(let array) = content { return (array, nil) }
        guard case .object(let object) = content else { return nil }
        let arrays = object.entries.filter { $0.value.arrayValue != nil }
        let chosen = arrays.first { Self.listKeys.contains($0.key.lowercased()) } ?? (arrays.count == 1 ? arrays.first : nil)
        // An object with one array among many fields is an object (an order with its lines), and
        // so is one with its own `id` whatever its array is called (an order's `items`).
        if object["id"] != nil { return nil }
        guard let chosen, let array = chosen.value.arrayValue, object.count <= 4 || Self.listKeys.contains(chosen.key.lowercased())
        else { return nil }
        return (array, object)
    }

    private func table(of list: [OrderedValue]) -> Summary.Table {
        let objects = list.compactMap(\.objectValue)
        guard objects.count == list.count, !objects.isEmpty else {
            let rows = list.prefix(maximumRows).map { [Self.text($0)] }
            return Summary.Table(columns: ["Value"], rows: rows, totalRows: list.count)
        }
        var keys: [String] = []
        for object in objects.prefix(maximumRows) {
            for entry in object.entries where !keys.contains(entry.key) && Self.isShown(entry.value) { keys.append(entry.key) }
        }
        let columns = Array(Self.ordered(keys).prefix(maximumColumns))
        let rows = objects.prefix(maximumRows).map { object in columns.map { key in object[key].map(Self.text) ?? "" } }
        return Summary.Table(columns: columns.map(ToolParameter.label(for:)), rows: rows, totalRows: list.count)
    }

    private func fields(of content: OrderedValue) -> [Summary.Field] {
        guard case .object(let object) = content else { return [] }
        let keys = Self.ordered(object.entries.filter { Self.isShown($0.value) }.map(\.key))
        return keys.prefix(maximumFields).compactMap { key in
            object[key].map { Summary.Field(label: ToolParameter.label(for: key), value: Self.text($0)) }
        }
    }

    private func listHeadline(count: Int, subject: Subject) -> String {
        switch count {
        case 0: "No \(subject.plural) found."
        case 1: "Found 1 \(subject.singular)."
        default: "Found \(count) \(subject.plural)."
        }
    }

    /// "Order 42 is shipped.", "Created invoice INV-3, status draft.", "Here is order 42."
    private func objectHeadline(_ object: OrderedObject, subject: Subject) -> String {
        let identity = ["id", "number", "reference", "name", "title"].lazy.compactMap { Self.value(object, $0) }.first
        let status = ["status", "state"].lazy.compactMap { Self.value(object, $0) }.first
        // "my profile" already says whose: no article before a possessive.
        let possessive = ["my ", "your ", "our "].contains { subject.singular.hasPrefix($0) }
        let named = identity.map { "\(subject.singular) \($0)" } ?? (possessive ? subject.singular : "the \(subject.singular)")
        if let pastVerb = subject.pastVerb {
            return "\(pastVerb) \(identity.map { "\(subject.singular) \($0)" } ?? subject.singular)"
                + (status.map { ", status \($0)" } ?? "") + "."
        }
        if let status { return "\(named.capitalizedFirst) is \(status)." }
        return "Here is \(named)."
    }

    /// "Get Order failed with status 404: Order not found.", or, when the action did not get
    /// an answer (declined, unreachable), "Create Invoice did not complete: The user declined."
    private func failureHeadline(_ result: ToolResult, subject: Subject) -> String {
        let message = Self.message(in: result.content).map { ": \($0)" } ?? ""
        guard let status = result.status else { return "\(subject.title) did not complete\(message)." }
        return "\(subject.title) failed with status \(status)\(message)."
    }

    /// An error body's message: `message`, `error`, `detail`, `error.message`, or the text itself.
    private static func message(in content: OrderedValue) -> String? {
        if case .string(let text) = content, !text.isEmpty { return String(text.prefix(300)).trimmingSuffix(".") }
        for key in ["message", "error", "detail", "title", "error_description"] {
            if let text = content[key]?.stringValue, !text.isEmpty { return String(text.prefix(300)).trimmingSuffix(".") }
            if let nested = content[key], nested.objectValue != nil, let text = message(in: nested) { return text }
        }
        return nil
    }

    private static func value(_ object: OrderedObject, _ key: String) -> String? {
        guard let entry = object.entries.first(where: { normalized($0.key) == key }), isScalar(entry.value) else { return nil }
        let text = text(entry.value)
        return text.isEmpty ? nil : text
    }

    /// Key fields first (in ``keyFields`` order), then the others in document order.
    private static func ordered(_ keys: [String]) -> [String] {
        let first = keyFields.compactMap { wanted in keys.first { normalized($0) == wanted } }
        return first + keys.filter { !first.contains($0) }
    }

    private static func normalized(_ key: String) -> String {
        key.lowercased().filter { $0 != "_" && $0 != "-" }
    }

    private static func isScalar(_ value: OrderedValue) -> Bool {
        value.arrayValue == nil && value.objectValue == nil
    }

    /// Scalars, and objects that have a name or id to stand for them.
    private static func isShown(_ value: OrderedValue) -> Bool {
        isScalar(value) || (value.objectValue.map { label(of: $0) != nil } ?? false)
    }

    private static func label(of object: OrderedObject) -> String? {
        ["name", "title", "id", "email"].lazy.compactMap { key in object[key].flatMap { isScalar($0) ? text($0) : nil } }.first
    }

    /// A scalar as JSON writes it, strings unquoted (`true`, `42`, `1.5`, `text`).
    static func scalarText(_ value: OrderedValue) -> String {
        if case .string(let text) = value { return text }
        return value.jsonText()
    }

    /// A value as a person reads it.
    static func text(_ value: OrderedValue) -> String {
        switch value {
        case .null: return "—"
        case .bool(let bool): return bool ? "yes" : "no"
        case .int(let integer): return String(integer)
        case .double: return value.jsonText()
        case .string(let text): return text
        case .array(let array): return array.count == 1 ? "1 item" : "\(array.count) items"
        case .object(let object): return label(of: object) ?? "…"
        }
    }
}

extension OrderedObject {
    fileprivate func filtering(_ keep: (Entry) -> Bool) -> OrderedObject {
        OrderedObject(entries.filter(keep))
    }
}
