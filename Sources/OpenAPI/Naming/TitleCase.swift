/// Joins words into a Title Case name: acronyms as written in `NamingVocabulary.acronyms`,
/// short words lowercase except first, everything else capitalised.
enum TitleCase {
    static func format(_ words: [String]) -> String {
        // The name is written as bytes into one buffer: appending to a String costs more.
        var name: [UInt8] = []
        name.reserveCapacity(words.reduce(words.count) { $0 + $1.utf8.count })
        for (position, word) in words.enumerated() {
            if position > 0 { name.append(UInt8(ascii: " ")) }
            if position > 0, words[position - 1].utf8.count == 3, LetterCase.equal(words[position - 1], lowercaseASCII: "via") {
                // "Search Books via POST": the method as HTTP writes it.
                name.append(contentsOf: word.uppercased().utf8)
                continue
            }
            let lower = LetterCase.lowercased(word)
            if let acronym = NamingVocabulary.acronym(lower) {
                name.append(contentsOf: acronym.utf8)
            } else if isUnknownAcronym(word) {
                // A short all-capitals word in an identifier is an acronym the table does not know (GST, NPS).
                name.append(contentsOf: word.utf8)
            } else if position > 0 && NamingVocabulary.smallWords.contains(lower) {
                name.append(contentsOf: lower.utf8)
            } else {
                LetterCase.appendCapitalized(lower, to: &name)
            }
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// Whether the word is two to four capitals or digits, with at least one letter.
    private static func isUnknownAcronym(_ word: String) -> Bool {
        let asciiAnswer = LetterCase.withBytes(of: word) { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // An ASCII Character is one byte: uppercase is A–Z, a number 0–9.
            return bytes.count >= 2 && bytes.count <= 4
                && bytes.allSatisfy { LetterCase.isASCIIUppercase($0) || LetterCase.isASCIIDigit($0) }
                && bytes.contains(where: LetterCase.isASCIIUppercase)
        }
        if let asciiAnswer { return asciiAnswer }
        // (The capitals test first: it stops at the first lowercase letter, counting walks the whole word.)
        return word.allSatisfy({ $0.isUppercase || $0.isNumber }) && word.count >= 2 && word.count <= 4
            && word.contains(where: \.isLetter)
    }
}
