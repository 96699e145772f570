/// Splits identifiers and phrases into words: camelCase, snake_case, kebab-case, paths and
/// spaced text ("orderID" → order, ID; "/v1/invoices/{id}" → v1, invoices, id).
enum IdentifierWords {
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let last = previous, !current.isEmpty {
                // A capital after a lower-case letter or digit starts a word: "orderId" → order|Id.
                let startsWord = character.isUppercase && (last.isLowercase || last.isNumber)
                // "HTTPStatus" → HTTP|Status: the last capital of a run begins the next word.
                let endsAcronym =
                    character.isLowercase && last.isUppercase && current.count > 1
                    && current.dropLast().allSatisfy(\.isUppercase)
                if startsWord {
                    words.append(current)
                    current = ""
                } else if endsAcronym {
                    words.append(String(current.dropLast()))
                    current = String(last)
                }
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
