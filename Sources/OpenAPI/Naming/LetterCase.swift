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
        var hasCapitals = false
        for byte in word.utf8 {
            if byte >= 0x80 { return word.lowercased() }
            if isASCIIUppercase(byte) { hasCapitals = true }
        }
        guard hasCapitals else { return word }
        return String(unsafeUninitializedCapacity: word.utf8.count) { buffer in
            for (offset, byte) in word.utf8.enumerated() { buffer[offset] = lowercase(byte) }
            return word.utf8.count
        }
    }

    /// Whether the two words are equal once lowercased (`a.lowercased() == b.lowercased()`).
    static func equal(_ word: String, _ other: String) -> Bool {
        var wordBytes = word.utf8.makeIterator()
        var otherBytes = other.utf8.makeIterator()
        while true {
            switch (wordBytes.next(), otherBytes.next()) {
            case (nil, nil):
                return true
            case (let byte?, let otherByte?) where byte < 0x80 && otherByte < 0x80:
                // A differing ASCII byte decides unless a later non-ASCII scalar could fold
                // or normalise into something equal: only all-ASCII words are answered here.
                if lowercase(byte) != lowercase(otherByte) { return isASCII(word) && isASCII(other) ? false : word.lowercased() == other.lowercased() }
            case (nil, let otherByte?) where otherByte < 0x80:
                return isASCII(other) ? false : word.lowercased() == other.lowercased()
            case (let byte?, nil) where byte < 0x80:
                return isASCII(word) ? false : word.lowercased() == other.lowercased()
            default:
                return word.lowercased() == other.lowercased()
            }
        }
    }

    /// The word with its first character in capitals (`prefix(1).uppercased() + dropFirst()`);
    /// an ASCII first letter is changed as a byte, without temporary strings.
    static func capitalized(_ word: String) -> String {
        guard let first = word.utf8.first, isASCIILowercase(first), startsWithASCIICharacter(word) else {
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        return String(unsafeUninitializedCapacity: word.utf8.count) { buffer in
            for (offset, byte) in word.utf8.enumerated() { buffer[offset] = byte }
            buffer[0] = uppercase(first)
            return word.utf8.count
        }
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

    /// Whether every byte of the text is ASCII.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
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
