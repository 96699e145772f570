/// A line naming an endpoint: `GET /v1/orders/{id}`, `#### POST https://api.example.com/v1/orders`,
/// `Endpoint: DELETE /orders/:id — Cancel an order`, `GET /v1/orders HTTP/1.1`.
struct EndpointLine {
    /// The method in upper case.
    var method: String
    /// The URL or path as written.
    var target: DocumentedURL
    /// The words after the target, separators removed: a summary when the line has one.
    var summary: String?

    /// Reads `line`; nil when it does not start (after list or heading marks and one label) with a method and a path or URL.
    init?(_ line: String) {
        var words = DraftText.words(line)
        // Heading, list and quote marks, and list numbers ("1.", "2)").
        while let first = words.first, first.allSatisfy({ "#-*>•+|".contains($0) }) || Self.isListNumber(first) {
            words.removeFirst()
        }
        if let first = words.first, first.hasSuffix(":"), words.count > 2, !DraftText.methods.contains(DraftText.trimming(first, DraftText.decoration.union([":"])).uppercased()) {
            words.removeFirst()
        }
        guard words.count >= 2 else { return nil }
        let method = DraftText.trimming(words[0], DraftText.decoration.union(["[", "]"])).uppercased()
        guard DraftText.methods.contains(method) else { return nil }
        let targetText = DraftText.trimming(words[1], DraftText.decoration.union(DraftText.trailingPunctuation).subtracting(["}"]))
        guard targetText.hasPrefix("/") || targetText.lowercased().hasPrefix("http"), let target = DocumentedURL(targetText) else { return nil }
        self.method = method
        self.target = target
        let rest = words.dropFirst(2).filter { !$0.uppercased().hasPrefix("HTTP/") }
        let summary = DraftText.trimming(rest.joined(separator: " "), DraftText.whitespace.union(["-", "—", "–", ":", "|", "`", "(", ")"]))
        self.summary = summary.isEmpty ? nil : summary
    }

    private static func isListNumber(_ word: String) -> Bool {
        guard let last = word.last, last == "." || last == ")" else { return false }
        let digits = word.dropLast()
        return !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }
}
