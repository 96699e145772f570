/// One piece of template source as the lexer reads it: text or a tag.
struct Token {
    /// What the token is; tags are told apart by their sigil.
    enum Kind: Equatable {
        case text
        case variable
        case unescaped
        case section
        case inverted
        case close
        case partial
        case parent
        case block
        case comment
        case delimiters
    }

    var kind: Kind
    /// The whole token in the source, delimiters included.
    var range: Range<Int>
    /// The tag's content after its sigil (untrimmed); the text itself for text tokens.
    var content: Range<Int>
    /// The delimiters in force when the tag was read.
    var delimiters: Delimiters
    /// For a closing tag, the kind of the tag it closes (unchecked: the parser checks names).
    var closes: Kind?
    /// Set when the tag stands alone on its line (mustache spec: "Standalone" cases).
    var isStandalone = false
    /// The whitespace before a standalone partial, parent or block tag.
    var indentation: [UInt8]?

    /// Whether a tag of this kind may stand alone on a line, its line then leaving no trace.
    var canStandAlone: Bool {
        switch kind {
        case .text, .variable, .unescaped: false
        case .section, .inverted, .close, .partial, .parent, .block, .comment, .delimiters: true
        }
    }
}
