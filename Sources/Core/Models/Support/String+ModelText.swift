extension String {
    /// The text without `suffix` at its end, when it is there ("Order not found." → "Order not found").
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }

    /// The text with its first character upper-cased ("order 42" → "Order 42").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// Every word lower-cased except acronyms ("Get Order" → "get order", "List SMS Messages" →
    /// "list SMS messages"), for a title inside a sentence.
    var lowercasedWords: String {
        split(separator: " ").map { word in word.allSatisfy(\.isUppercase) && word.count > 1 ? String(word) : word.lowercased() }
            .joined(separator: " ")
    }

    /// The text without white space at either end.
    var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<max(start, end)]
    }
}
