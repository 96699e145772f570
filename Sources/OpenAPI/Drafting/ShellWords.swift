/// Splits a shell command line into words the way a POSIX shell would for the quoting curl
/// examples use: single quotes, double quotes with backslash escapes, backslash-newline
/// continuations (POSIX.1-2017 Shell Command Language §2.2). No expansion is done.
enum ShellWords {
    /// The words of `command`; an unterminated quote ends at the end of the text.
    static func split(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var hasWord = false
        var iterator = command.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "'":
                hasWord = true
                while let next = iterator.next(), next != "'" { current.append(next) }
            case "\"":
                hasWord = true
                while let next = iterator.next(), next != "\"" {
                    if next == "\\", let escaped = iterator.next() {
                        // §2.2.3: inside double quotes a backslash escapes only $ ` " \ and newline.
                        if escaped == "\n" { continue }
                        if !"$`\"\\".contains(escaped) { current.append("\\") }
                        current.append(escaped)
                    } else {
                        current.append(next)
                    }
                }
            case "\\":
                if let escaped = iterator.next() {
                    if escaped == "\n" || escaped == "\r\n" { continue }
                    hasWord = true
                    current.append(escaped)
                }
            case " ", "\t", "\n", "\r\n", "\r":
                if hasWord {
                    words.append(current)
                    current = ""
                    hasWord = false
                }
            default:
                hasWord = true
                current.append(character)
            }
        }
        if hasWord { words.append(current) }
        return words
    }
}
