/// Builds the node tree from tokens: checks that sections close in order and resolves names once.
struct Parser {
    private let source: [UInt8]
    private let locator: SourceLocator

    /// An open section, parent or block and what has been read inside it so far.
    private struct Frame {
        var opening: Token
        /// The name as written, for matching the closing tag and for messages.
        var key: String
        var children: [Node] = []
        var pendingText: [UInt8] = []

        mutating func flushText() {
            guard !pendingText.isEmpty else { return }
            children.append(.text(pendingText))
            pendingText = []
        }
    }

    /// Parses `source` into nodes, starting with `delimiters`.
    static func parse(_ source: [UInt8], delimiters: Delimiters = .standard) throws(TemplateError) -> [Node] {
        let locator = SourceLocator(source)
        let tokens = try Lexer(source: source, locator: locator).tokens(startingWith: delimiters)
        let parser = Parser(source: source, locator: locator)
        return try parser.build(StandaloneLines.apply(to: tokens, source: source))
    }

    private func build(_ tokens: [Token]) throws(TemplateError) -> [Node] {
        var frames = [Frame(opening: Token(kind: .text, range: 0..<0, content: 0..<0, delimiters: .standard), key: "")]
        for token in tokens {
            switch token.kind {
            case .text:
                frames[frames.count - 1].pendingText.append(contentsOf: source[token.range])
            case .comment, .delimiters:
                break
            case .variable, .unescaped:
                let node = Node.variable(
                    VariableNode(
                        name: try variableName(of: token), isEscaped: token.kind == .variable,
                        position: position(of: token)))
                append(node, to: &frames)
            case .partial:
                let node = Node.partial(
                    PartialNode(
                        reference: try reference(of: token), indentation: token.indentation,
                        position: position(of: token)))
                append(node, to: &frames)
            case .section, .inverted, .parent, .block:
                guard frames.count <= Template.maximumDepth else {
                    throw locator.error(.nestingTooDeep, at: token.range.lowerBound)
                }
                frames[frames.count - 1].flushText()
                frames.append(Frame(opening: token, key: try key(of: token)))
            case .close:
                let found = closingKey(text(of: token))
                guard frames.count > 1, var frame = frames.popLast() else {
                    throw locator.error(.unexpectedClosingTag(name: found), at: token.range.lowerBound)
                }
                guard frame.key == found else {
                    throw locator.error(
                        .mismatchedClosingTag(expected: frame.key, found: found), at: token.range.lowerBound)
                }
                frame.flushText()
                append(try node(closing: frame, at: token), to: &frames)
            }
        }
        guard frames.count == 1, var root = frames.first else {
            let unclosed = frames[frames.count - 1]
            throw locator.error(.unclosedSection(name: unclosed.key), at: unclosed.opening.range.lowerBound)
        }
        root.flushText()
        return root.children
    }

    private func append(_ node: Node, to frames: inout [Frame]) {
        frames[frames.count - 1].flushText()
        frames[frames.count - 1].children.append(node)
    }

    /// The node for a frame whose closing tag has just been read.
    private func node(closing frame: Frame, at closing: Token) throws(TemplateError) -> Node {
        let opening = frame.opening
        let inner = opening.range.upperBound..<closing.range.lowerBound
        switch opening.kind {
        case .section, .inverted:
            let section = SectionNode(
                name: try variableName(of: opening), children: frame.children,
                innerText: String(decoding: source[inner], as: UTF8.self), delimiters: opening.delimiters,
                position: position(of: opening))
            return opening.kind == .section ? .section(section) : .invertedSection(section)
        case .parent:
            var overrides: [String: BlockNode] = [:]
            for case .block(let block) in frame.children { overrides[block.name] = block }
            return .parent(
                ParentNode(
                    reference: try reference(of: opening), indentation: opening.indentation, overrides: overrides,
                    position: position(of: opening)))
        default:
            return .block(block(named: frame.key, opening: opening, children: frame.children, inner: inner))
        }
    }

    /// A block; a standalone one loses its own indentation, which is kept to be added back
    /// wherever its content is expanded (mustache spec: ~inheritance.json, "Block reindentation",
    /// "Intrinsic indentation", "Nested block reindentation").
    private func block(named name: String, opening: Token, children: [Node], inner: Range<Int>) -> BlockNode {
        let position = position(of: opening)
        guard opening.isStandalone else {
            return BlockNode(name: name, children: children, indentation: nil, position: position)
        }
        guard let prefix = Indentation.commonPrefix(of: source[inner]) else {
            return BlockNode(name: name, children: children, indentation: opening.indentation ?? [], position: position)
        }
        return BlockNode(
            name: name, children: Indentation.removing(prefix, from: children), indentation: prefix, position: position)
    }

    // MARK: - Names

    private func text(of token: Token) -> String {
        Self.trimmed(String(decoding: source[token.content], as: UTF8.self))
    }

    private func variableName(of token: Token) throws(TemplateError) -> VariableName {
        let text = text(of: token)
        guard let name = VariableName(text) else {
            throw locator.error(.invalidName(text), at: token.range.lowerBound)
        }
        return name
    }

    private func reference(of token: Token) throws(TemplateError) -> PartialReference {
        let text = text(of: token)
        guard text.hasPrefix("*") else {
            guard !text.isEmpty else { throw locator.error(.invalidName(text), at: token.range.lowerBound) }
            return .named(text)
        }
        let dynamic = Self.trimmed(String(text.dropFirst()))
        guard let name = VariableName(dynamic) else {
            throw locator.error(.invalidName(text), at: token.range.lowerBound)
        }
        return .dynamic(name)
    }

    /// The name a closing tag must repeat.
    private func key(of token: Token) throws(TemplateError) -> String {
        switch token.kind {
        case .section, .inverted: _ = try variableName(of: token)
        case .parent: _ = try reference(of: token)
        default:
            guard !text(of: token).isEmpty else { throw locator.error(.invalidName(""), at: token.range.lowerBound) }
        }
        return closingKey(text(of: token))
    }

    /// `* name` and `*name` close alike.
    private func closingKey(_ text: String) -> String {
        text.hasPrefix("*") ? "*" + Self.trimmed(String(text.dropFirst())) : text
    }

    private func position(of token: Token) -> SourcePosition {
        locator.position(of: token.range.lowerBound)
    }

    private static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }
}
