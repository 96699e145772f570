/// Turns an HTML page into text the drafter reads: headings as `#` lines, `pre` blocks fenced,
/// list items as `- ` lines, table rows as Markdown pipe rows; scripts, styles, navigation and
/// forms dropped; character references decoded.
///
/// Lenient by design, as browsers are (WHATWG HTML §13.2): unclosed and stray tags, a `<` that
/// starts no tag, and unknown entities are kept as text or ignored, never an error. Only the
/// size limit fails.
///
/// ```swift
/// let text = try HTMLTextConverter().text(from: "<h2>List orders</h2><pre>GET /orders</pre>")
/// // "## List orders\n\n```\nGET /orders\n```\n"
/// ```
public struct HTMLTextConverter: Sendable {
    /// The most bytes of HTML accepted.
    public var maximumInputBytes: Int

    /// Elements whose content is never documentation.
    static let droppedElements: Set<String> = [
        "script", "style", "nav", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "form", "button", "select",
    ]

    /// Creates a converter; pages above `maximumInputBytes` (default 5 MB) are refused.
    public init(maximumInputBytes: Int = 5 << 20) {
        self.maximumInputBytes = maximumInputBytes
    }

    /// The text of `html`.
    public func text(from html: String) throws(SchemaBuilderError) -> String {
        guard html.utf8.count <= maximumInputBytes else { throw .tooLarge(what: "web page", limit: maximumInputBytes) }
        var reader = HTMLReader(scalars: Array(html.unicodeScalars))
        var writer = HTMLTextWriter()
        while let token = reader.next() {
            switch token {
            case .text(let text): writer.text(text)
            case .startTag(let name, let attributes, let selfClosing):
                if Self.droppedElements.contains(name), !selfClosing {
                    reader.skipElement(named: name)
                } else {
                    writer.startTag(name, attributes: attributes)
                }
            case .endTag(let name): writer.endTag(name)
            }
        }
        return writer.finish()
    }
}
