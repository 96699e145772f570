/// A table keyed by lowercase words that answers most misses without hashing.
///
/// Beside the dictionary it keeps, for each ASCII byte, a bit mask of the lengths (in bytes)
/// of the keys that start with it: an ASCII word whose length is missing from the mask of its
/// first byte cannot be in the table. Only all-ASCII words are answered so, and only when
/// every key is ASCII; any other goes to the dictionary, whose `String` keys compare by
/// canonical equivalence (a key with a Greek question mark matches a word with a semicolon).
struct WordTable<Value> {
    private let values: [String: Value]
    /// Bit `n` of `firstByteLengths[b]` is set when a key of `n` bytes starts with byte `b`
    /// (keys of 64 bytes or more set bit 63, which then stands for "long").
    private let firstByteLengths: [UInt64]

    init(_ values: [String: Value]) {
        self.values = values
        let isASCII = values.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        // With a key outside ASCII every mask is full: no word is answered without the dictionary.
        var masks = [UInt64](repeating: isASCII ? 0 : .max, count: 128)
        for key in values.keys {
            guard let first = key.utf8.first, first < 0x80 else { continue }
            masks[Int(first)] |= Self.lengthBit(key.utf8.count)
        }
        firstByteLengths = masks
    }

    /// The value for the lowercase word, if it is a key.
    subscript(_ lowercaseWord: String) -> Value? {
        let mayBeKey = LetterCase.withBytes(of: lowercaseWord) { bytes in
            guard let first = bytes.first, bytes.allSatisfy({ $0 < 0x80 }) else { return true }
            return firstByteLengths[Int(first)] & Self.lengthBit(bytes.count) != 0
        }
        return mayBeKey ? values[lowercaseWord] : nil
    }

    /// Whether the lowercase word is a key.
    func contains(_ lowercaseWord: String) -> Bool {
        self[lowercaseWord] != nil
    }

    private static func lengthBit(_ length: Int) -> UInt64 {
        1 << UInt64(min(length, 63))
    }
}

extension WordTable: Sendable where Value: Sendable {}

extension WordTable: ExpressibleByArrayLiteral where Value == Void {
    /// A table of words alone; a repeated word counts once.
    init(arrayLiteral words: String...) {
        self.init(Dictionary(words.map { ($0, ()) }, uniquingKeysWith: { first, _ in first }))
    }
}
