import YAML

// Tests write JSON objects as dictionary literals, in order: ["id": .int(42), "status": .string("shipped")].
extension OrderedObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, OrderedValue)...) {
        self.init(elements.map { OrderedObject.Entry(key: $0.0, value: $0.1) })
    }
}
