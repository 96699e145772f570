/// Removes the lines that hold nothing but a standalone tag and whitespace.
///
/// Mustache spec (comments, sections, inverted, partials, delimiters .json, "Standalone" cases):
/// a line with one non-interpolating tag and only spaces or tabs around it leaves no trace in the
/// output. The inheritance spec (~inheritance.json) adds pairs of adjacent tags that stand alone
/// together: `{{<parent}}{{$block}}`, `{{/block}}{{/parent}}`, `{{<parent}}{{/parent}}`, and
/// `{{$block}}{{/block}}`, which keeps its line ending so an empty block leaves an empty line.
enum StandaloneLines {
    static func apply(to tokens: [Token], source: [UInt8]) -> [Token] {
        let tokens = markingWhatClosingTagsClose(tokens)
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                let token = tokens[lineEnd]
                lineEnd += 1
                if token.kind == .text, source[token.range.upperBound - 1] == UInt8(ascii: "\n") { break }
            }
            appendLine(tokens[lineStart..<lineEnd], source: source, to: &result)
            lineStart = lineEnd
        }
        return result
    }

    /// Records on each closing tag the kind of tag it closes, if any.
    private static func markingWhatClosingTagsClose(_ tokens: [Token]) -> [Token] {
        var tokens = tokens
        var open: [Token.Kind] = []
        for index in tokens.indices {
            switch tokens[index].kind {
            case .section, .inverted, .parent, .block: open.append(tokens[index].kind)
            case .close: tokens[index].closes = open.popLast()
            default: break
            }
        }
        return tokens
    }

    private static func appendLine(_ line: ArraySlice<Token>, source: [UInt8], to result: inout [Token]) {
        let tagIndices = line.indices.filter { line[$0].kind != .text }
        let textIsBlank = line.allSatisfy { $0.kind != .text || isBlank(source[$0.range]) }
        guard textIsBlank, let first = tagIndices.first, let last = tagIndices.last else {
            result.append(contentsOf: line)
            return
        }
        let leading = line[line.startIndex].kind == .text ? Array(source[line[line.startIndex].range]) : []
        var tags = tagIndices.map { line[$0] }
        var keepsLineEnding = false
        if tags.count == 1, tags[0].canStandAlone {
            if [.partial, .parent, .block].contains(tags[0].kind) { tags[0].indentation = leading }
        } else if tags.count == 2, last == first + 1, let pair = pair(tags[0], tags[1], source: source) {
            switch pair {
            case .parentOpeningBlock:
                tags[0].indentation = leading
                tags[1].indentation = leading
            case .blockClosingParent:
                break
            case .emptyParent, .emptyBlock:
                tags[0].indentation = leading
                keepsLineEnding = pair == .emptyBlock
            }
        } else {
            result.append(contentsOf: line)
            return
        }
        for index in tags.indices { tags[index].isStandalone = true }
        result.append(contentsOf: tags)
        if keepsLineEnding, let ending = line.last, ending.kind == .text {
            let bytes = source[ending.range]
            let newlineStart = bytes.firstIndex(where: { $0 == 13 || $0 == 10 }) ?? ending.range.upperBound
            if newlineStart < ending.range.upperBound {
                var newline = ending
                newline.range = newlineStart..<ending.range.upperBound
                newline.content = newline.range
                result.append(newline)
            }
        }
    }

    /// The pairs of adjacent tags that may stand alone together.
    private enum Pair {
        case parentOpeningBlock, blockClosingParent, emptyParent, emptyBlock
    }

    private static func pair(_ first: Token, _ second: Token, source: [UInt8]) -> Pair? {
        switch (first.kind, second.kind) {
        case (.parent, .block): return .parentOpeningBlock
        case (.close, .close) where first.closes == .block && second.closes == .parent: return .blockClosingParent
        case (.parent, .close), (.block, .close):
            guard trimmed(source[first.content]) == trimmed(source[second.content]) else { return nil }
            return first.kind == .parent ? .emptyParent : .emptyBlock
        default: return nil
        }
    }

    /// Spaces and tabs, optionally ended by `\n` or `\r\n`.
    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        var body = bytes
        if body.last == UInt8(ascii: "\n") {
            body = body.dropLast()
            if body.last == UInt8(ascii: "\r") { body = body.dropLast() }
        }
        return body.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }),
            let end = bytes.lastIndex(where: { !isSpace($0) })
        else { return bytes[bytes.startIndex..<bytes.startIndex] }
        return bytes[start...end]
    }
}
