/// An object whose entries keep their document order, with a key lookup.
///
/// Small objects are searched linearly (faster than hashing for a handful of keys); objects with
/// more than `indexThreshold` entries carry a dictionary from key to position. A repeated key keeps
/// its first position and takes the last value, as most JSON readers do (RFC 8259 §4 leaves
/// repeated names to the implementation).
public struct OrderedObject: Sendable, Hashable {
    /// One key and its value.
    public struct Entry: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: OrderedValue

        /// Creates an entry.
        public init(key: String, value: OrderedValue) {
            self.key = key
            self.value = value
        }
    }

    private static let indexThreshold = 32

    /// The entries in document order.
    public private(set) var entries: [Entry]
    private var index: [String: Int]?

    /// Creates an empty object.
    public init() {
        entries = []
    }

    /// Creates an object from entries in order; a repeated key keeps its first place and the last value.
    public init(_ entries: [Entry]) {
        self.entries = entries
        rebuildIndex()
        // Readers build objects this way, so the common case (no repeated key) is checked cheaply.
        let hasRepeats: Bool
        if let index {
            hasRepeats = index.count < entries.count
        } else {
            // Comparing lengths first spares most full string comparisons in this quadratic check.
            hasRepeats = entries.indices.contains { position in
                let key = entries[position].key
                let length = key.utf8.count
                return entries[..<position].contains { $0.key.utf8.count == length && $0.key == key }
            }
        }
        guard hasRepeats else { return }
        self.entries = []
        index = nil
        for entry in entries { self[entry.key] = entry.value }
    }

    /// Creates an object from key/value pairs in order.
    public init(_ pairs: KeyValuePairs<String, OrderedValue>) {
        self.init(pairs.map { Entry(key: $0.key, value: $0.value) })
    }

    /// The number of entries.
    public var count: Int { entries.count }

    /// Whether the object has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys in document order.
    public var keys: [String] { entries.map(\.key) }

    /// The value for `key`, or `nil`; setting appends a new key or replaces the value of a known one.
    public subscript(key: String) -> OrderedValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return entries[position].value
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
                if index != nil {
                    index?[key] = entries.count - 1
                } else if entries.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        // Most keys differ in length: comparing lengths first spares the full string comparison.
        let length = key.utf8.count
        return entries.firstIndex { $0.key.utf8.count == length && $0.key == key }
    }

    private mutating func rebuildIndex() {
        guard entries.count > Self.indexThreshold else {
            index = nil
            return
        }
        var rebuilt = [String: Int](minimumCapacity: entries.count)
        for (position, entry) in entries.enumerated() where rebuilt[entry.key] == nil { rebuilt[entry.key] = position }
        index = rebuilt
    }

    /// Objects are equal when they hold the same keys in the same order with equal values.
    public static func == (left: OrderedObject, right: OrderedObject) -> Bool {
        left.entries == right.entries
    }

    /// Hashes the entries in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries)
    }
}

extension OrderedObject: Sequence {
    /// Iterates the entries in document order.
    public func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }
}
