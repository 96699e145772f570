/// Splits identifiers and phrases into words: camelCase, PascalCase, snake_case, kebab-case,
/// dotted and spaced text ("getHTTPResponse" → get, HTTP, Response).
enum WordSplitter {
    static func words(_ text: Substring) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        let characters = Array(text)
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current.removeAll(keepingCapacity: true)
        }
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                flush()
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                // "userID" → user|ID ; "HTTPResponse" → HTTP|Response ; digits stay with their word ("oauth2").
                if character.isUppercase && (previous.isLowercase || previous.isNumber) {
                    flush()
                } else if character.isUppercase && previous.isUppercase, let next, next.isLowercase, current.count > 1 {
                    flush()
                } else if character.isLetter && previous.isNumber && current.allSatisfy(\.isNumber) {
                    flush()
                }
            }
            current.append(character)
        }
        flush()
        return words.flatMap(splittingVersionSuffix)
    }

    /// "listVersionsv2" ends in a version glued to a word: "Versionsv2" → Versions, v2.
    private static func splittingVersionSuffix(_ word: String) -> [String] {
        let digits = word.reversed().prefix(while: \.isNumber).count
        guard digits > 0, digits < word.count - 3 else { return [word] }
        let beforeDigits = word.dropLast(digits)
        guard beforeDigits.last == "v", beforeDigits.dropLast().last?.isLowercase == true else { return [word] }
        return [String(beforeDigits.dropLast()), "v" + word.suffix(digits)]
    }

    static func words(_ text: String) -> [String] {
        words(text[...])
    }
}
