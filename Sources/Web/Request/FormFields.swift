/// Name/value fields from a query string or a form, in order, repeated names kept.
public struct FormFields: Sendable, Equatable, Sequence {
    public typealias Field = (name: String, value: String)
    private var fields: [Field]

    public init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of the field, or nil.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of the field, in order (checkboxes, repeated rows such as `header_name`).
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    public var isEmpty: Bool { fields.isEmpty }
    public var count: Int { fields.count }

    public mutating func append(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    public static func == (a: FormFields, b: FormFields) -> Bool {
        a.fields.elementsEqual(b.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}
