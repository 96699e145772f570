/// Character references in HTML text (WHATWG HTML §13.5): numeric ones and the named ones
/// documentation pages use; an unknown or malformed reference stays as written.
enum HTMLEntities {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®", "trade": "™",
        "mdash": "—", "ndash": "–", "hellip": "…", "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "bull": "•", "middot": "·", "times": "×", "rarr": "→", "larr": "←", "larrow": "←", "check": "✓",
        "lbrace": "{", "rbrace": "}", "lcub": "{", "rcub": "}", "lsqb": "[", "rsqb": "]", "colon": ":", "sol": "/", "ast": "*",
        "num": "#", "dollar": "$", "percnt": "%", "equals": "=", "quest": "?", "excl": "!", "verbar": "|", "vert": "|",
        "grave": "`", "lowbar": "_", "plus": "+", "comma": ",", "period": ".", "semi": ";", "Tab": "\t", "NewLine": "\n",
    ]

    /// `text` with its character references decoded.
    static func decode(_ text: ArraySlice<Unicode.Scalar>) -> String {
        var output = String.UnicodeScalarView()
        var index = text.startIndex
        while index < text.endIndex {
            let scalar = text[index]
            guard scalar == "&", let (decoded, next) = reference(in: text, at: index) else {
                output.append(scalar)
                index += 1
                continue
            }
            output.append(contentsOf: decoded.unicodeScalars)
            index = next
        }
        return String(output)
    }

    /// The decoded reference starting at `start` (an `&`) and the index after it.
    private static func reference(in text: ArraySlice<Unicode.Scalar>, at start: Int) -> (String, Int)? {
        var end = start + 1
        while end < text.endIndex, end - start <= 32, text[end] != ";",
            text[end].properties.isAlphabetic || ("0"..."9").contains(text[end]) || text[end] == "#"
        {
            end += 1
        }
        let body = String(String.UnicodeScalarView(text[(start + 1)..<end]))
        let hasSemicolon = end < text.endIndex && text[end] == ";"
        let next = hasSemicolon ? end + 1 : end
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            // §13.2.5.80: NUL, surrogates and out-of-range values become U+FFFD.
            guard let value else { return nil }
            guard value != 0 else { return ("\u{FFFD}", next) }
            return (String(Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}"), next)
        }
        // Without a semicolon only the oldest references are recognised, as browsers do.
        guard let decoded = named[body], hasSemicolon || ["amp", "lt", "gt", "quot", "nbsp"].contains(body) else { return nil }
        return (decoded, next)
    }
}
