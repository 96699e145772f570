import HTTPCore

/// `application/x-www-form-urlencoded` parsing (WHATWG URL §5.1) for query strings and forms.
public enum URLEncodedForm {
    /// Parses `a=1&b=two+words`. A malformed escape or non-UTF-8 text is a 400 naming the field.
    public static func parse(_ text: String) throws -> FormFields {
        var fields = FormFields()
        // `&` and `=` are ASCII: split the UTF-8 bytes, not Characters (grapheme breaking a
        // pasted multi-megabyte schema cost more than importing it).
        for pair in text.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let name: Substring.UTF8View
            let value: Substring.UTF8View
            if let eq = pair.firstIndex(of: UInt8(ascii: "=")) {
                name = pair[..<eq]
                value = pair[pair.index(after: eq)...]
            } else {
                name = pair
                value = pair[pair.endIndex...]
            }
            guard let decodedName = PercentEncoding.decode(Substring(name), plusAsSpace: true),
                let decodedValue = PercentEncoding.decode(Substring(value), plusAsSpace: true)
            else {
                throw HTTPError(.badRequest, "The form field “\(Substring(name).prefix(40))” is not valid URL encoding.")
            }
            fields.append(decodedName, decodedValue)
        }
        return fields
    }

    /// Encodes fields as `name=value&…` (used for redirects with query strings and outbound forms).
    public static func encode(_ fields: [(String, String)]) -> String {
        fields.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
    }
}
