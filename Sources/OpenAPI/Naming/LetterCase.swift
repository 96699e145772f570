/// Case folding and comparison for the namer's words.
///
/// Identifiers and paths are nearly always ASCII: those are folded and compared byte by byte,
/// without the temporary strings `lowercased()` makes. Anything else goes through
/// `String.lowercased()` and `==`, so Unicode case mapping and canonical equivalence still
/// decide ("\u{212A}ey", with a Kelvin sign, lowercases to "key").
enum LetterCase {
    /// The word in lowercase, as `lowercased()` gives it; an ASCII word already in lowercase
    /// is returned as is, not copied.
    static func lowercased(_ word: String) -> String {
        var isASCII = true
        let folded = withBytes(of: word) { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                isASCII = false
                return nil
            }
            guard bytes.contains(where: isASCIIUppercase) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = lowercase(byte) }
                return bytes.count
            }
        }
        if let folded { return folded }
        return isASCII ? word : word.lowercased()
    }

    /// Whether the two words are equal once lowercased (`a.lowercased() == b.lowercased()`).
    static func equal(_ word: String, _ other: String) -> Bool {
        let asciiAnswer = withBytes(of: word) { wordBytes in withBytes(of: other) { asciiEqual(wordBytes, $0) } }
        return asciiAnswer ?? (word.lowercased() == other.lowercased())
    }

    /// Whether the word, lowercased, is the lowercase ASCII literal (`a.lowercased() == "by"`).
    static func equal(_ word: String, lowercaseASCII literal: StaticString) -> Bool {
        let literalBytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        let asciiAnswer = withBytes(of: word) { asciiEqual($0, literalBytes) }
        return asciiAnswer ?? (word.lowercased() == literal.description)
    }

    /// Whether two byte strings are equal but for ASCII case; `nil` when that takes more than
    /// ASCII to tell (a non-ASCII scalar could fold or normalise into something equal).
    private static func asciiEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ otherBytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for index in 0..<min(bytes.count, otherBytes.count) {
            let byte = bytes[index]
            let otherByte = otherBytes[index]
            guard byte < 0x80, otherByte < 0x80 else { return nil }
            // After equal ASCII bytes, differing ASCII letters cannot be made equal by what
            // follows (no two ASCII scalars compose).
            if lowercase(byte) != lowercase(otherByte) { return false }
        }
        // An ASCII prefix and more (a combining mark, say) is never equal to the prefix alone.
        return bytes.count == otherBytes.count
    }

    /// The word with its first character in capitals (`prefix(1).uppercased() + dropFirst()`).
    static func capitalized(_ word: String) -> String {
        var bytes: [UInt8] = []
        appendCapitalized(word, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of the word with its first character in capitals; an ASCII first
    /// letter is changed as a byte, without temporary strings.
    static func appendCapitalized(_ word: String, to bytes: inout [UInt8]) {
        let isASCIIStart = withBytes(of: word) { wordBytes in
            // The first Character is one ASCII byte when the next byte is ASCII too.
            guard let first = wordBytes.first, isASCIILowercase(first), wordBytes.count == 1 || wordBytes[1] < 0x80 else { return false }
            bytes.append(uppercase(first))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: wordBytes.dropFirst()))
            return true
        }
        if !isASCIIStart { bytes.append(contentsOf: (word.prefix(1).uppercased() + word.dropFirst()).utf8) }
    }

    /// Whether the word's first character is a capital (`first?.isUppercase`).
    static func startsWithCapital(_ word: String) -> Bool {
        guard let first = word.utf8.first, startsWithASCIICharacter(word) else { return word.first?.isUppercase == true }
        return isASCIIUppercase(first)
    }

    /// Whether the first Character is one ASCII byte: an ASCII byte followed by another ASCII
    /// byte or nothing (a combining mark after it would join its Character).
    private static func startsWithASCIICharacter(_ word: String) -> Bool {
        var bytes = word.utf8.makeIterator()
        guard let first = bytes.next(), first < 0x80, first != UInt8(ascii: "\r") else { return false }
        return bytes.next().map { $0 < 0x80 } ?? true
    }

    /// Calls `body` with the UTF-8 bytes of the text, in place (a native string's storage,
    /// without the per-byte bookkeeping of iterating `utf8`).
    static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        // Native strings (all of them on Linux) lend their bytes without a copy of the string;
        // `withUTF8` makes any other contiguous first.
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return try text.withUTF8(body)
    }

    /// Whether the byte is an ASCII capital letter.
    static func isASCIIUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// Whether the byte is an ASCII small letter.
    static func isASCIILowercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    /// Whether the byte is an ASCII digit.
    static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The byte with an ASCII capital letter made small; every other byte unchanged.
    static func lowercase(_ byte: UInt8) -> UInt8 {
        isASCIIUppercase(byte) ? byte | 0x20 : byte
    }

    /// The byte with an ASCII small letter made a capital; every other byte unchanged.
    static func uppercase(_ byte: UInt8) -> UInt8 {
        isASCIILowercase(byte) ? byte & ~0x20 : byte
    }
}
