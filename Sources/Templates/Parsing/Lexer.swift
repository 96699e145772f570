/// Splits template source into text and tag tokens, following set-delimiter tags as it goes.
///
/// Text tokens never hold more than one line: each ends at a newline or before a tag, so the
/// parser can judge standalone lines token by token.
struct Lexer {
    private let source: [UInt8]
    private let locator: SourceLocator

    init(source: [UInt8], locator: SourceLocator) {
        self.source = source
        self.locator = locator
    }

    /// Reads every token, starting with `delimiters`.
    func tokens(startingWith initialDelimiters: Delimiters) throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var delimiters = initialDelimiters
        var textStart = 0
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "\n") {
                index += 1
                appendText(textStart..<index, delimiters: delimiters, to: &tokens)
                textStart = index
            } else if matches(delimiters.open, at: index) {
                appendText(textStart..<index, delimiters: delimiters, to: &tokens)
                let tag = try readTag(at: index, delimiters: &delimiters)
                tokens.append(tag)
                index = tag.range.upperBound
                textStart = index
            } else {
                index += 1
            }
        }
        appendText(textStart..<source.count, delimiters: delimiters, to: &tokens)
        return tokens
    }

    private func appendText(_ range: Range<Int>, delimiters: Delimiters, to tokens: inout [Token]) {
        guard !range.isEmpty else { return }
        tokens.append(Token(kind: .text, range: range, content: range, delimiters: delimiters))
    }

    /// Reads the tag whose opening delimiter starts at `start`; a set-delimiter tag changes `delimiters`.
    private func readTag(at start: Int, delimiters: inout Delimiters) throws(TemplateError) -> Token {
        let contentStart = start + delimiters.open.count
        // Triple mustache: `{{{name}}}` (mustache spec: interpolation.json).
        if contentStart < source.count, source[contentStart] == UInt8(ascii: "{") {
            let closing = [UInt8(ascii: "}")] + delimiters.close
            guard let end = firstIndex(of: closing, from: contentStart + 1) else {
                throw locator.error(.unclosedTag, at: start)
            }
            return Token(
                kind: .unescaped, range: start..<(end + closing.count), content: (contentStart + 1)..<end,
                delimiters: delimiters)
        }
        guard let end = firstIndex(of: delimiters.close, from: contentStart) else {
            throw locator.error(.unclosedTag, at: start)
        }
        let range = start..<(end + delimiters.close.count)
        let kind = contentStart < end ? Self.kind(ofSigil: source[contentStart]) : .variable
        let content = kind == .variable ? contentStart..<end : (contentStart + 1)..<end
        let token = Token(kind: kind, range: range, content: content, delimiters: delimiters)
        if kind == .delimiters {
            delimiters = try newDelimiters(in: content, tagStart: start)
        }
        return token
    }

    private static func kind(ofSigil sigil: UInt8) -> Token.Kind {
        switch sigil {
        case UInt8(ascii: "#"): .section
        case UInt8(ascii: "^"): .inverted
        case UInt8(ascii: "/"): .close
        case UInt8(ascii: ">"): .partial
        case UInt8(ascii: "<"): .parent
        case UInt8(ascii: "$"): .block
        case UInt8(ascii: "!"): .comment
        case UInt8(ascii: "&"): .unescaped
        case UInt8(ascii: "="): .delimiters
        default: .variable
        }
    }

    /// Parses `<% %>=` (the content after `=`) into two delimiters (mustache spec: delimiters.json).
    private func newDelimiters(in content: Range<Int>, tagStart: Int) throws(TemplateError) -> Delimiters {
        let text = source[content]
        let invalid = locator.error(.invalidDelimiters(String(decoding: text, as: UTF8.self)), at: tagStart)
        guard text.last == UInt8(ascii: "=") else { throw invalid }
        let parts = text.dropLast().split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 })
        guard parts.count == 2, parts.allSatisfy({ !$0.contains(UInt8(ascii: "=")) }) else { throw invalid }
        return Delimiters(open: Array(parts[0]), close: Array(parts[1]))
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard !pattern.isEmpty, index + pattern.count <= source.count else { return false }
        for offset in 0..<pattern.count where source[index + offset] != pattern[offset] {
            return false
        }
        return true
    }

    private func firstIndex(of pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= source.count {
            if matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }
}
