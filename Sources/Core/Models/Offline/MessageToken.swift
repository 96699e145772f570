/// One word or quoted phrase of a person's message, as the offline model reads it.
struct MessageToken: Hashable {
    /// The text, without surrounding quotes or sentence punctuation.
    var text: String
    /// Whether it was quoted (quoted text is taken as a value, never as a word to match).
    var isQuoted: Bool

    private static let openingQuotes: [Character: Character] = ["\"": "\"", "“": "”", "«": "»", "'": "'", "‘": "’", "`": "`"]
    private static let separators: Set<Character> = [",", ";", "?", "!", "(", ")", "[", "]"]

    /// Splits a message into words and quoted phrases; a quote opens only at the start of a word,
    /// so the apostrophe in "What's" stays inside its word.
    static func tokens(of message: String) -> [MessageToken] {
        var tokens: [MessageToken] = []
        var current = ""
        var closingQuote: Character?
        func flush() {
            var word = current
            // A full stop ends a sentence, not a value ("order 42." → "42").
            while word.last == "." { word.removeLast() }
            if !word.isEmpty { tokens.append(MessageToken(text: word, isQuoted: false)) }
            current = ""
        }
        let characters = Array(message)
        for (position, character) in characters.enumerated() {
            if let closing = closingQuote {
                if character == closing {
                    tokens.append(MessageToken(text: current, isQuoted: true))
                    current = ""
                    closingQuote = nil
                } else {
                    current.append(character)
                }
            } else if let closing = openingQuotes[character], current.isEmpty || current.hasSuffix("=") {
                if !current.isEmpty { flush() }
                closingQuote = closing
            } else if character == ",", current.last?.isNumber == true, position + 1 < characters.count,
                characters[position + 1].isNumber
            {
                // A thousands separator ("1,200") belongs to its number.
                current.append(character)
            } else if character.isWhitespace || separators.contains(character) {
                flush()
            } else {
                current.append(character)
            }
        }
        if closingQuote != nil, !current.isEmpty {
            // An unclosed quote: the rest of the message is the quoted text.
            tokens.append(MessageToken(text: current, isQuoted: true))
        } else {
            flush()
        }
        return tokens
    }
}
