/// Splits identifiers and phrases into words: camelCase, PascalCase, snake_case, kebab-case,
/// dotted and spaced text ("getHTTPResponse" → get, HTTP, Response).
enum WordSplitter {
    private enum Kind {
        case upper, lower, digit, separator

        init(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x41...0x5A: self = .upper
            case 0x61...0x7A: self = .lower
            case 0x30...0x39: self = .digit
            case 0...0x7F: self = .separator
            default:
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
    }

    static func words(_ text: Substring) -> [String] {
        // Identifiers and paths are nearly always ASCII: split their bytes without building scalars.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(text.utf8)
            return joiningOpenID(split(count: bytes.count, kind: { Kind(Unicode.Scalar(bytes[$0])) }) { range in
                String(decoding: bytes[range], as: UTF8.self)
            })
        }
        let scalars = Array(text.unicodeScalars)
        return joiningOpenID(split(count: scalars.count, kind: { Kind(scalars[$0]) }) { range in
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[range])
            return String(word)
        })
    }

    /// The word boundaries of a sequence of `count` characters of the given kinds.
    private static func split(count: Int, kind: (Int) -> Kind, word: (Range<Int>) -> String) -> [String] {
        let kinds = (0..<count).map(kind)
        var words: [String] = []
        var start: Int?
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
        for index in 0..<count {
            let current = kinds[index]
            guard current != .separator else {
                flush(index)
                continue
            }
            if let first = start, index > first {
                let previous = kinds[index - 1]
                let next = index + 1 < count ? kinds[index + 1] : .separator
                // "userID" → user|ID ; "HTTPResponse" → HTTP|Response ; digits stay with their word ("oauth2").
                if current == .upper && (previous == .lower || previous == .digit) {
                    flush(index)
                } else if current == .upper && previous == .upper && next == .lower && index - first > 1 {
                    flush(index)
                } else if current != .digit && previous == .digit && kinds[first..<index].allSatisfy({ $0 == .digit }) {
                    flush(index)
                }
            }
            if start == nil { start = index }
        }
        flush(count)
        return words
    }

    /// "openIdConnect" is OpenID Connect, not "open" an "ID".
    private static func joiningOpenID(_ words: [String]) -> [String] {
        guard words.count > 1, words.dropFirst().contains(where: isID) else { return words }
        var result: [String] = []
        for word in words {
            if isID(word), let last = result.last, last.utf8.count == 4, last.lowercased() == "open" {
                result[result.count - 1] = "OpenID"
            } else {
                result.append(word)
            }
        }
        return result
    }

    /// Whether the word is "id" in any case; the byte count first, as lowercasing a copy is not free.
    private static func isID(_ word: String) -> Bool {
        word.utf8.count == 2 && word.lowercased() == "id"
    }

    /// "listVersionsv2" ends in a version glued to a word: "Versionsv2" → Versions, v2; `nil`
    /// for a word without one.
    private static func versionSuffix(_ word: String) -> (stem: String, version: String)? {
        // Most words do not end in a digit: answer those without walking Characters.
        if let last = word.utf8.last, last < 0x80, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last) { return nil }
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
