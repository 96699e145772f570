/// Measures and removes the indentation of a standalone block's content.
enum Indentation {
    /// The leading spaces and tabs shared by every line of `text` that holds more than
    /// whitespace, or `nil` when no line does.
    static func commonPrefix(of text: ArraySlice<UInt8>) -> [UInt8]? {
        var common: [UInt8]?
        for line in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let leading = line.prefix(while: isIndentation)
            guard line.dropFirst(leading.count).contains(where: { !isIndentation($0) && $0 != 13 }) else { continue }
            guard let current = common else {
                common = Array(leading)
                continue
            }
            common = Array(zip(current, leading).prefix(while: { $0 == $1 }).map(\.0))
        }
        return common
    }

    /// `nodes` with `prefix` removed from the start of each line of their text, and from the
    /// indentation of the standalone tags among them.
    static func removing(_ prefix: [UInt8], from nodes: [Node]) -> [Node] {
        guard !prefix.isEmpty else { return nodes }
        var atLineStart = true
        return removing(prefix, from: nodes, atLineStart: &atLineStart)
    }

    private static func removing(_ prefix: [UInt8], from nodes: [Node], atLineStart: inout Bool) -> [Node] {
        nodes.map { node in
            switch node {
            case .text(let bytes):
                return .text(removing(prefix, from: bytes, atLineStart: &atLineStart))
            case .variable:
                atLineStart = false
                return node
            case .section(let section):
                return .section(
                    section.replacing(children: removing(prefix, from: section.children, atLineStart: &atLineStart)))
            case .invertedSection(let section):
                return .invertedSection(
                    section.replacing(children: removing(prefix, from: section.children, atLineStart: &atLineStart)))
            case .partial(let partial):
                guard let indentation = partial.indentation else {
                    atLineStart = false
                    return node
                }
                return .partial(
                    PartialNode(
                        reference: partial.reference, indentation: removing(prefix, from: indentation),
                        position: partial.position))
            case .parent(let parent):
                guard let indentation = parent.indentation else {
                    atLineStart = false
                    return node
                }
                return .parent(
                    ParentNode(
                        reference: parent.reference, indentation: removing(prefix, from: indentation),
                        overrides: parent.overrides, position: parent.position))
            case .block(let block):
                // The block's own content was dedented when it was parsed; only where it sits moves.
                guard let indentation = block.indentation else {
                    atLineStart = false
                    return node
                }
                return .block(
                    BlockNode(
                        name: block.name, children: block.children, indentation: removing(prefix, from: indentation),
                        position: block.position))
            }
        }
    }

    private static func removing(_ prefix: [UInt8], from bytes: [UInt8], atLineStart: inout Bool) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if atLineStart {
                var matched = 0
                while matched < prefix.count, index < bytes.count, bytes[index] == prefix[matched] {
                    matched += 1
                    index += 1
                }
                atLineStart = false
                continue
            }
            let byte = bytes[index]
            result.append(byte)
            index += 1
            if byte == UInt8(ascii: "\n") { atLineStart = true }
        }
        return result
    }

    /// `indentation` without `prefix` at its start.
    private static func removing(_ prefix: [UInt8], from indentation: [UInt8]) -> [UInt8] {
        indentation.starts(with: prefix) ? Array(indentation.dropFirst(prefix.count)) : indentation
    }

    private static func isIndentation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
