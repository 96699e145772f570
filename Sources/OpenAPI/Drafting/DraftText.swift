/// Small text helpers the drafter's readers share.
enum DraftText {
    /// The HTTP methods an endpoint line may start with (RFC 9110 §9.3, RFC 5789).
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// `text` without the characters in `characters` at either end.
    static func trimming(_ text: some StringProtocol, _ characters: Set<Character>) -> String {
        var slice = Substring(text)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }

    /// Spaces, tabs and line ends.
    static let whitespace: Set<Character> = [" ", "\t", "\n", "\r", "\u{0C}", "\u{A0}"]

    /// Markdown decoration around a word: backticks, quotes, emphasis, brackets.
    static let decoration: Set<Character> = ["`", "\"", "'", "*", "_", "“", "”", "‘", "’"]

    /// Punctuation that ends a sentence or a list item after a URL or a path.
    static let trailingPunctuation: Set<Character> = [".", ",", ";", ":", ")", "]", ">", "`", "\"", "'", "!", "?", "*"]

    /// The words of a line, split on whitespace.
    static func words(_ line: String) -> [String] {
        line.split(whereSeparator: { whitespace.contains($0) }).map(String.init)
    }

    /// The cells of a line split on runs of two or more spaces or on tabs (plain-text columns).
    static func columns(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var spaces = 0
        for character in line {
            if character == "\t" {
                spaces = 2
            } else if character == " " || character == "\u{A0}" {
                spaces += 1
            } else {
                if spaces >= 2, !current.isEmpty {
                    cells.append(current)
                    current = ""
                } else if spaces == 1, !current.isEmpty {
                    current.append(" ")
                }
                spaces = 0
                current.append(character)
            }
        }
        if !current.isEmpty { cells.append(current) }
        return cells
    }

    /// The `http://` and `https://` URLs in `line`, trailing punctuation removed.
    static func urls(in line: String) -> [String] {
        var found: [String] = []
        var rest = Substring(line)
        while let range = rest.firstRange(of: "http") {
            let candidate = rest[range.lowerBound...]
            guard candidate.hasPrefix("http://") || candidate.hasPrefix("https://") else {
                rest = rest[range.upperBound...]
                continue
            }
            let end =
                candidate.firstIndex(where: { whitespace.contains($0) || $0 == "\"" || $0 == "'" || $0 == "`" || $0 == "<" || $0 == "|" })
                ?? candidate.endIndex
            let url = trimming(candidate[..<end], trailingPunctuation.subtracting([">", "]", ")"]).union([")", "]"]))
            if url.count > "https://".count { found.append(url) }
            rest = candidate[end...]
        }
        return found
    }

    /// Whether `line` looks like API material: a URL, a method and a path, a curl command, a JSON member.
    static func looksLikeAPIMaterial(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        if trimmed.contains("http://") || trimmed.contains("https://") || trimmed.hasPrefix("curl ") { return true }
        if trimmed.hasPrefix("/"), trimmed.dropFirst().first?.isLetter == true { return true }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("\"") && trimmed.contains("\":") { return true }
        let lineWords = words(trimmed)
        for (index, word) in lineWords.enumerated() where methods.contains(trimming(word, decoration)) {
            if index + 1 < lineWords.count, trimming(lineWords[index + 1], decoration).hasPrefix("/") { return true }
        }
        return false
    }

    /// `text` lower-cased with decoration removed, for matching header words.
    static func plain(_ text: some StringProtocol) -> String {
        trimming(text.lowercased(), decoration.union(whitespace).union([":"]))
    }
}

extension StringProtocol {
    /// The text without whitespace at either end.
    func trimmingSpaces() -> String {
        DraftText.trimming(self, DraftText.whitespace)
    }
}
