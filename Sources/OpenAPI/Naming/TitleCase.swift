/// Joins words into a Title Case name: acronyms as written in `NamingVocabulary.acronyms`,
/// short words lowercase except first, everything else capitalised.
enum TitleCase {
    static func format(_ words: [String]) -> String {
        var result: [String] = []
        for (position, word) in words.enumerated() {
            let lower = word.lowercased()
            if position > 0, words[position - 1].utf8.count == 3, words[position - 1].lowercased() == "via" {
                // "Search Books via POST": the method as HTTP writes it.
                result.append(word.uppercased())
            } else if let acronym = NamingVocabulary.acronyms[lower] {
                result.append(acronym)
            } else if word.allSatisfy({ $0.isUppercase || $0.isNumber }) && word.count >= 2 && word.count <= 4
                && word.contains(where: \.isLetter)
            {
                // (The capitals test first: it stops at the first lowercase letter, counting walks the whole word.)
                // A short all-capitals word in an identifier is an acronym the table does not know (GST, NPS).
                result.append(word)
            } else if position > 0 && NamingVocabulary.smallWords.contains(lower) {
                result.append(lower)
            } else {
                result.append(capitalized(lower))
            }
        }
        return result.joined(separator: " ")
    }

    /// The word with its first letter in capitals; an ASCII first letter is changed in place
    /// (what `uppercased()` gives it), sparing two temporary strings.
    private static func capitalized(_ lower: String) -> String {
        guard let first = lower.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else {
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }
        var bytes = Array(lower.utf8)
        bytes[0] = first - 0x20
        return String(decoding: bytes, as: UTF8.self)
    }
}
