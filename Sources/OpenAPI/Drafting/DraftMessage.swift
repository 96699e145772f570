/// One message of an "Ask" conversation: documentation to read, or a correction to the draft.
public enum DraftMessage: Sendable, Equatable {
    /// Documentation text (pasted, or extracted from a page or a PDF), with where it came from.
    case documentation(DocumentationPiece)
    /// Something the user typed: a correction in plain language ("the base URL is …",
    /// "remove /internal/health"), or more documentation when it is not a correction.
    case correction(String)
}

/// Documentation text and where it came from (a URL, a file name, "pasted text").
public struct DocumentationPiece: Sendable, Equatable {
    /// Where the text came from, for reports; not read by the drafter.
    public var source: String
    /// The text: Markdown, plain text, or HTML already turned into text.
    public var text: String

    /// Creates a piece.
    public init(source: String, text: String) {
        self.source = source
        self.text = text
    }
}
