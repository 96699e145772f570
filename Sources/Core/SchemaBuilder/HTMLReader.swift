/// Splits HTML into text runs and tags, leniently (WHATWG HTML §13.2.5, much simplified):
/// comments, doctypes and processing instructions are skipped; a `<` that starts no tag is text.
struct HTMLReader {
    /// One piece of the page.
    enum Token: Equatable {
        /// Text with character references decoded.
        case text(String)
        /// An opening tag: lower-cased name, the raw attribute text, whether it ends in `/>`.
        case startTag(String, attributes: String, selfClosing: Bool)
        /// A closing tag's lower-cased name.
        case endTag(String)
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// The next token, or nil at the end.
    mutating func next() -> Token? {
        while position < scalars.count {
            if scalars[position] == "<" {
                if let token = readMarkup() { return token }
                continue
            }
            let start = position
            while position < scalars.count, scalars[position] != "<" { position += 1 }
            return .text(HTMLEntities.decode(scalars[start..<position]))
        }
        return nil
    }

    /// Moves past the end tag of `name` (raw text: `<script>` content is not markup), or to the end.
    mutating func skipElement(named name: String) {
        let closing = Array("</\(name)".unicodeScalars)
        while position < scalars.count {
            if scalars[position] == "<", matches(closing, at: position) {
                while position < scalars.count, scalars[position] != ">" { position += 1 }
                position += 1
                return
            }
            position += 1
        }
    }

    /// Reads the markup at `<`; nil when it was skipped (a comment) or was text, in which case
    /// the `<` has been returned as text by advancing past it.
    private mutating func readMarkup() -> Token? {
        let start = position
        if matches(Array("<!--".unicodeScalars), at: position) {
            position = find(Array("-->".unicodeScalars), from: position + 4).map { $0 + 3 } ?? scalars.count
            return nil
        }
        let next = position + 1 < scalars.count ? scalars[position + 1] : " "
        if next == "!" || next == "?" {
            position = findScalar(">", from: position).map { $0 + 1 } ?? scalars.count
            return nil
        }
        let isEnd = next == "/"
        var cursor = position + (isEnd ? 2 : 1)
        let nameStart = cursor
        // WHATWG HTML §13.2.5.6: a tag name starts with an ASCII letter; `<3` is text.
        guard cursor < scalars.count, scalars[cursor].isASCII, scalars[cursor].properties.isAlphabetic else {
            position = start + 1
            return .text("<")
        }
        while cursor < scalars.count,
            scalars[cursor].properties.isAlphabetic || ("0"..."9").contains(scalars[cursor]) || scalars[cursor] == "-"
        {
            cursor += 1
        }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<cursor])).lowercased()
        // Attribute values may hold `>` inside quotes.
        var quote: Unicode.Scalar?
        let attributesStart = cursor
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                break
            }
            cursor += 1
        }
        let attributes = String(String.UnicodeScalarView(scalars[attributesStart..<min(cursor, scalars.count)]))
        position = min(cursor + 1, scalars.count)
        if isEnd { return .endTag(name) }
        return .startTag(name, attributes: attributes, selfClosing: attributes.hasSuffix("/"))
    }

    private func matches(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + pattern.count <= scalars.count else { return false }
        for (offset, scalar) in pattern.enumerated() where Self.lowercased(scalars[index + offset]) != scalar { return false }
        return true
    }

    private func find(_ pattern: [Unicode.Scalar], from index: Int) -> Int? {
        var cursor = index
        while cursor < scalars.count {
            if matches(pattern, at: cursor) { return cursor }
            cursor += 1
        }
        return nil
    }

    private func findScalar(_ scalar: Unicode.Scalar, from index: Int) -> Int? {
        scalars[index...].firstIndex(of: scalar)
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }
}
