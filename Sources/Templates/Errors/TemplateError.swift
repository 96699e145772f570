/// A template that cannot be parsed, loaded or rendered, with where it went wrong.
///
/// `description` reads `file:line:column: message` (the file part only when the template came
/// from a file), so a broken view names its own position at start-up.
public struct TemplateError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// An opening delimiter with no closing delimiter after it.
        case unclosedTag
        /// A section, inverted section, parent or block that is never closed.
        case unclosedSection(name: String)
        /// A closing tag that does not close the innermost open section.
        case mismatchedClosingTag(expected: String, found: String)
        /// A closing tag with no open section.
        case unexpectedClosingTag(name: String)
        /// A set-delimiter tag that is not `{{=open close=}}` with two delimiters and no `=` or spaces in them.
        case invalidDelimiters(String)
        /// A tag whose name is empty or has an empty dotted part (`{{a..b}}`).
        case invalidName(String)
        /// Sections nested deeper than ``Template/maximumDepth``.
        case nestingTooDeep
        /// A partial or parent named in a template that the library does not hold.
        case unknownPartial(name: String)
        /// A template name the library does not hold.
        case unknownTemplate(name: String)
        /// Partials, parents, lambdas and sections expanded deeper than ``Template/maximumDepth``.
        case recursionTooDeep(limit: Int)
        /// A lambda threw; the message is its error's description.
        case lambdaFailed(message: String)
        /// A template file that cannot be read or is not UTF-8.
        case unreadableFile(message: String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The template's file, relative to the library folder, when it came from one.
    public var file: String?
    /// The 1-based line of the offending tag, or 0 when there is none.
    public var line: Int
    /// The 1-based column (in characters) of the offending tag, or 0 when there is none.
    public var column: Int

    /// Creates an error at a position.
    public init(_ kind: Kind, file: String? = nil, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column: message`, leaving out the parts that are unknown.
    public var description: String {
        var location: [String] = []
        if let file { location.append(file) }
        if line > 0 { location.append("\(line)") }
        if column > 0 { location.append("\(column)") }
        return location.isEmpty ? message : location.joined(separator: ":") + ": " + message
    }

    /// The message alone, without the position.
    public var message: String {
        switch kind {
        case .unclosedTag:
            "tag is not closed"
        case .unclosedSection(let name):
            "section '\(name)' is not closed"
        case .mismatchedClosingTag(let expected, let found):
            "closing tag '\(found)' does not match the open section '\(expected)'"
        case .unexpectedClosingTag(let name):
            "closing tag '\(name)' has no open section"
        case .invalidDelimiters(let content):
            "invalid set-delimiter tag '\(content)': expected two delimiters without spaces or '='"
        case .invalidName(let name):
            "invalid name '\(name)'"
        case .nestingTooDeep:
            "sections are nested more than \(Template.maximumDepth) deep"
        case .unknownPartial(let name):
            "unknown partial '\(name)'"
        case .unknownTemplate(let name):
            "unknown template '\(name)'"
        case .recursionTooDeep(let limit):
            "partials, parents or lambdas expand more than \(limit) levels deep"
        case .lambdaFailed(let message):
            "lambda failed: \(message)"
        case .unreadableFile(let message):
            "cannot read template: \(message)"
        }
    }
}
