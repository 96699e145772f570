/// A line naming an endpoint: `GET /v1/orders/{id}`, `#### POST https://api.example.com/v1/orders`,
/// `Endpoint: DELETE /orders/:id — Cancel an order`, `GET /v1/orders HTTP/1.1`.
struct EndpointLine {
    /// The method in upper case.
    var method: String
    /// The URL or path as written.
    var target: DocumentedURL
    /// The words after the target, separators removed: a summary when the line has one.
    var summary: String?

    /// Reads `line`; nil when it has no method followed by a path or URL.
    init?(_ line: String) {
        var words = DraftText.words(line)
        // Heading, list and quote marks, and list numbers ("1.", "2)").
        while let first = words.first, first.allSatisfy({ "#-*>•+|".contains($0) }) || Self.isListNumber(first) {
            words.removeFirst()
        }
        // The method opens the line, or appears in upper case before a path further on
        // ("Endpoint: GET /orders", "There is also GET /notes/:id/history").
        let start = words.indices.first { index in
            let word = DraftText.trimming(words[index], DraftText.decoration.union(["[", "]"]))
            let isMethod = index == 0 ? DraftText.methods.contains(word.uppercased()) : DraftText.methods.contains(word)
            guard isMethod, index + 1 < words.count else { return false }
            let next = DraftText.trimming(words[index + 1], DraftText.decoration)
            return next.hasPrefix("/") || next.lowercased().hasPrefix("http")
        }
        guard let start else { return nil }
        words.removeFirst(start)
        guard words.count >= 2 else { return nil }
        let method = DraftText.trimming(words[0], DraftText.decoration.union(["[", "]"])).uppercased()
        let targetText = DraftText.trimming(words[1], DraftText.decoration.union(DraftText.trailingPunctuation).subtracting(["}"]))
        guard targetText.hasPrefix("/") || targetText.lowercased().hasPrefix("http"), let target = DocumentedURL(targetText) else {
            return nil
        }
        self.method = method
        self.target = target
        let rest = words.dropFirst(2).filter { !$0.uppercased().hasPrefix("HTTP/") }
        let separators: Set<Character> = ["-", "—", "–", ":", "|", "`", "(", ")"]
        let summary = DraftText.trimming(rest.joined(separator: " "), DraftText.whitespace.union(separators))
        self.summary = summary.isEmpty ? nil : summary
    }

    private static func isListNumber(_ word: String) -> Bool {
        guard let last = word.last, last == "." || last == ")" else { return false }
        let digits = word.dropLast()
        return !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }
}
