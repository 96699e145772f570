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

    /// An action title as what the action does to its object, with "the" before the object
    /// ("Create Invoice" → "create the invoice", "Look Up Customer" → "look up the customer",
    /// "Get My Profile" → "get my profile"), for "To …, I need: …".
    var actionPhrase: String {
        var words = lowercasedWords.split(separator: " ").map(String.init)
        guard words.count > 1 else { return words.joined(separator: " ") }
        // A particle belongs to its verb ("look up", "sign in").
        let objectStart = ["up", "out", "in", "off", "on", "down", "back", "over"].contains(words[1]) ? 2 : 1
        let determiners = ["the", "a", "an", "my", "your", "our", "their", "all", "every", "each", "this", "that"]
        if objectStart < words.count, !determiners.contains(words[objectStart]) { words.insert("the", at: objectStart) }
        return words.joined(separator: " ")
    }

    /// The text without white space at either end.
    var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<max(start, end)]
    }
}
