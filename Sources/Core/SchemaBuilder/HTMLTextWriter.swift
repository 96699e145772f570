/// Builds the text of an HTML page as ``HTMLTextConverter`` reads it: keeps line structure for
/// blocks, headings, lists, `pre` blocks and tables, and collapses whitespace elsewhere.
struct HTMLTextWriter {
    private var lines: [String] = []
    private var current = ""
    // `pre` nesting depth and what the open block holds; its text is kept verbatim.
    private var preDepth = 0
    private var preText = ""
    private var preLanguage = ""
    // Open lists, innermost last: whether ordered, and the next number.
    private var lists: [(ordered: Bool, next: Int)] = []
    // The open table's finished rows, the open row, the open cell.
    private var tableDepth = 0
    private var rows: [[String]] = []
    private var row: [String]?
    private var cell: String?

    private static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "blockquote", "dl", "figure", "aside", "hr", "details",
        "summary", "address", "body", "html",
    ]

    mutating func text(_ text: String) {
        if preDepth > 0 {
            preText += text
        } else if var value = cell {
            // Released first so the append does not copy the cell text.
            cell = nil
            Self.appendCollapsed(text, to: &value)
            cell = value
        } else {
            Self.appendCollapsed(text, to: &current)
        }
    }

    mutating func startTag(_ name: String, attributes: String) {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            guard preDepth == 0, cell == nil else { return }
            blockBreak()
            current = String(repeating: "#", count: Int(String(name.dropFirst())) ?? 1) + " "
        case "pre":
            if preDepth == 0 {
                blockBreak()
                preText = ""
                preLanguage = Self.language(in: attributes) ?? ""
            }
            preDepth += 1
        case "code":
            if preDepth > 0 {
                if preLanguage.isEmpty { preLanguage = Self.language(in: attributes) ?? "" }
            } else {
                text("`")
            }
        case "br":
            if preDepth > 0 { preText += "\n" } else if cell != nil { text(" ") } else { lineBreak() }
        case "ul", "ol":
            lineBreak()
            lists.append((name == "ol", 1))
        case "li":
            lineBreak()
            let indent = String(repeating: "  ", count: max(lists.count - 1, 0))
            if let last = lists.indices.last, lists[last].ordered {
                current = indent + "\(lists[last].next). "
                lists[last].next += 1
            } else {
                current = indent + "- "
            }
        case "dt", "dd":
            lineBreak()
        case "table":
            if tableDepth == 0 {
                blockBreak()
                rows = []
            }
            tableDepth += 1
        case "tr":
            finishRow()
            row = []
        case "td", "th":
            finishCell()
            if row == nil { row = [] }
            cell = ""
        default:
            if Self.blockElements.contains(name) { blockBreak() }
        }
    }

    mutating func endTag(_ name: String) {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            blockBreak()
        case "pre":
            guard preDepth > 0 else { return }
            preDepth -= 1
            if preDepth == 0 { finishPre() }
        case "code":
            if preDepth == 0 { text("`") }
        case "ul", "ol":
            if !lists.isEmpty { lists.removeLast() }
            lineBreak()
        case "li", "dt", "dd":
            lineBreak()
        case "td", "th":
            finishCell()
        case "tr":
            finishRow()
        case "table":
            guard tableDepth > 0 else { return }
            tableDepth -= 1
            if tableDepth == 0 { finishTable() }
        default:
            if Self.blockElements.contains(name) { blockBreak() }
        }
    }

    /// The text, with open blocks closed and runs of blank lines made one.
    mutating func finish() -> String {
        if preDepth > 0 {
            preDepth = 0
            finishPre()
        }
        if tableDepth > 0 {
            tableDepth = 0
            finishTable()
        }
        lineBreak()
        var result: [String] = []
        for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n") + "\n"
    }

    // MARK: - Lines

    private mutating func lineBreak() {
        var trimmed = Substring(current)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        if trimmed.contains(where: { $0 != "#" && $0 != " " && $0 != "-" }) {
            lines.append(String(trimmed))
        }
        current = ""
    }

    private mutating func blockBreak() {
        lineBreak()
        if lines.last?.isEmpty == false { lines.append("") }
    }

    private static func appendCollapsed(_ text: String, to output: inout String) {
        for character in text {
            if character.isWhitespace {
                if !output.isEmpty, output.last != " " { output.append(" ") }
            } else {
                output.append(character)
            }
        }
    }

    private mutating func finishPre() {
        var body = preText
        while body.first == "\n" || body.first == "\r" { body.removeFirst() }
        while body.last?.isWhitespace == true { body.removeLast() }
        let fence = body.contains("```") ? "~~~" : "```"
        lines.append(fence + preLanguage)
        lines.append(contentsOf: body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init))
        lines.append(fence)
        lines.append("")
        preText = ""
        preLanguage = ""
    }

    // MARK: - Tables

    private mutating func finishCell() {
        guard let text = cell else { return }
        row?.append(Self.trimmingSpaces(text).replacingPipes())
        cell = nil
    }

    private mutating func finishRow() {
        finishCell()
        if let row, !row.isEmpty { rows.append(row) }
        row = nil
    }

    private mutating func finishTable() {
        finishRow()
        guard let header = rows.first else { return }
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + Array(repeating: " --- |", count: header.count).joined())
        for row in rows.dropFirst() { lines.append("| " + row.joined(separator: " | ") + " |") }
        lines.append("")
        rows = []
    }

    private static func trimmingSpaces(_ text: String) -> String {
        var result = Substring(text)
        while result.last == " " { result = result.dropLast() }
        while result.first == " " { result = result.dropFirst() }
        return String(result)
    }

    /// `language-json` or `lang-json` in a class attribute.
    private static func language(in attributes: String) -> String? {
        for word in attributes.split(whereSeparator: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "=" }) {
            for prefix in ["language-", "lang-"] where word.hasPrefix(prefix) {
                let language = word.dropFirst(prefix.count).lowercased()
                if !language.isEmpty, language.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) { return language }
            }
        }
        return nil
    }
}

extension String {
    /// The cell text with `|` escaped, so a pipe row keeps its columns.
    fileprivate func replacingPipes() -> String {
        contains("|") ? String(flatMap { $0 == "|" ? ["\\", "|"] : [$0] }) : self
    }
}
