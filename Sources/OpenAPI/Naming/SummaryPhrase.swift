/// A summary read as a possible action name ("Retrieve a customer."): trimmed of spaces, dots
/// and line ends, cut at a parenthesis, in pieces between spaces.
struct SummaryPhrase {
    /// The phrase's space-separated pieces, in order; each may hold several words ("customerId").
    let pieces: [Substring]

    /// The phrase of a summary; `nil` when punctuation shows a sentence rather than an
    /// imperative (",:;!?/" or a quote).
    init?(_ summary: String) {
        if let ascii = Self.asciiPieces(summary) {
            guard let ascii else { return nil }
            pieces = ascii
            return
        }
        let trimmable: Set<Character> = [" ", ".", "\n", "\t"]
        var text = Substring(summary).drop(while: { trimmable.contains($0) })
        while let last = text.last, trimmable.contains(last) { text = text.dropLast() }
        if let parenthesis = text.firstIndex(of: "(") { text = text[..<parenthesis] }
        guard !text.contains(where: { ",:;!?/\"".contains($0) }) else { return nil }
        pieces = text.split(separator: " ")
    }

    /// The same reading by bytes, for a summary in which every Character is one ASCII byte
    /// (no byte above 0x7F, no carriage return to pair with a line feed): `.some(nil)` for a
    /// sentence, `nil` for a summary this cannot read.
    private static func asciiPieces(_ summary: String) -> [Substring]?? {
        let bytes = summary.utf8
        guard LetterCase.withBytes(of: summary, { $0.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } }) else { return nil }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isTrimmable(bytes[start]) { bytes.formIndex(after: &start) }
        while start < end, isTrimmable(bytes[bytes.index(before: end)]) { bytes.formIndex(before: &end) }
        if let parenthesis = bytes[start..<end].firstIndex(of: UInt8(ascii: "(")) { end = parenthesis }
        let text = bytes[start..<end]
        guard !text.contains(where: isSentencePunctuation) else { return .some(nil) }
        return text.split(separator: UInt8(ascii: " ")).map(Substring.init)
    }

    private static func isTrimmable(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
    }

    private static func isSentencePunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "/"), UInt8(ascii: "\""):
            return true
        default:
            return false
        }
    }
}
