/// Splits identifiers and phrases into words: camelCase, PascalCase, snake_case, kebab-case,
/// dotted and spaced text ("getHTTPResponse" → get, HTTP, Response).
enum WordSplitter {
    private enum Kind {
        case upper, lower, digit, separator

        /// The kind of an ASCII byte.
        init(ascii byte: UInt8) {
            if LetterCase.isASCIIUppercase(byte) {
                self = .upper
            } else if LetterCase.isASCIILowercase(byte) {
                self = .lower
            } else if LetterCase.isASCIIDigit(byte) {
                self = .digit
            } else {
                self = .separator
            }
        }

        init(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                self.init(ascii: UInt8(scalar.value))
                return
            }
            // Outside ASCII, ask Unicode (rare in identifiers).
            let properties = scalar.properties
            if properties.isUppercase {
                self = .upper
            } else if properties.isAlphabetic {
                self = .lower
            } else if properties.numericType != nil {
                self = .digit
            } else {
                self = .separator
            }
        }
    }

    static func words(_ text: Substring) -> [String] {
        var contiguous = text
        if let asciiWords = contiguous.withUTF8(words(ascii:)) { return asciiWords }
        let scalars = Array(text.unicodeScalars)
        return joiningOpenID(split(scalars.lazy.map(Kind.init)) { range in
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[range])
            return String(word)
        })
    }

    /// The words of ASCII text, split from its bytes in place (identifiers and paths are
    /// nearly always ASCII); `nil` when a byte is not ASCII.
    static func words(ascii bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return joiningOpenID(split(bytes.lazy.map(Kind.init(ascii:))) { range in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        })
    }

    /// The words of a sequence of characters of the given kinds, each made by `word` from its range.
    // Generic rather than taking a closure for the kinds: specialised for bytes and for scalars,
    // the kind of each character is computed inline.
    private static func split<Kinds: RandomAccessCollection<Kind>>(_ kinds: Kinds, word: (Range<Int>) -> String) -> [String]
    where Kinds.Index == Int {
        let count = kinds.count
        var words: [String] = []
        // Most identifiers have a few words: one allocation instead of growing one by one.
        words.reserveCapacity(4)
        var start: Int?
        // Whether the word so far is all digits ("2fa" keeps its digits, "3Dsecure" does not).
        var isAllDigits = false
        func flush(_ end: Int) {
            if let first = start, first < end {
                let text = word(first..<end)
                if let (stem, version) = versionSuffix(text) {
                    words.append(stem)
                    words.append(version)
                } else {
                    words.append(text)
                }
            }
            start = nil
        }
        var previous = Kind.separator
        var current = count > 0 ? kinds[0] : .separator
        for index in 0..<count {
            let next = index + 1 < count ? kinds[index + 1] : .separator
            defer {
                previous = current
                current = next
            }
            guard current != .separator else {
                flush(index)
                continue
            }
            if let first = start, index > first {
                // "userID" → user|ID ; "HTTPResponse" → HTTP|Response ; digits stay with their word ("oauth2").
                if current == .upper && (previous == .lower || previous == .digit) {
                    flush(index)
                } else if current == .upper && previous == .upper && next == .lower && index - first > 1 {
                    flush(index)
                } else if current != .digit && previous == .digit && isAllDigits {
                    flush(index)
                }
            }
            if start == nil {
                start = index
                isAllDigits = true
            }
            isAllDigits = isAllDigits && current == .digit
        }
        flush(count)
        return words
    }

    /// "openIdConnect" is OpenID Connect, not "open" an "ID".
    private static func joiningOpenID(_ words: [String]) -> [String] {
        guard words.count > 1, words.dropFirst().contains(where: isID) else { return words }
        var result: [String] = []
        for word in words {
            if isID(word), let last = result.last, last.utf8.count == 4, LetterCase.equal(last, lowercaseASCII: "open") {
                result[result.count - 1] = "OpenID"
            } else {
                result.append(word)
            }
        }
        return result
    }

    /// Whether the word is "id" in any case; the byte count first, as most words are not.
    private static func isID(_ word: String) -> Bool {
        word.utf8.count == 2 && LetterCase.equal(word, lowercaseASCII: "id")
    }

    /// "listVersionsv2" ends in a version glued to a word: "Versionsv2" → Versions, v2; `nil`
    /// for a word without one.
    private static func versionSuffix(_ word: String) -> (stem: String, version: String)? {
        // Most words do not end in a digit: answer those without walking Characters.
        if let last = LetterCase.withBytes(of: word, { $0.last }), last < 0x80, !LetterCase.isASCIIDigit(last) { return nil }
        let digits = word.reversed().prefix(while: \.isNumber).count
        guard digits > 0, digits < word.count - 3 else { return nil }
        let beforeDigits = word.dropLast(digits)
        guard beforeDigits.last == "v", beforeDigits.dropLast().last?.isLowercase == true else { return nil }
        return (String(beforeDigits.dropLast()), "v" + word.suffix(digits))
    }

    static func words(_ text: String) -> [String] {
        words(text[...])
    }
}
