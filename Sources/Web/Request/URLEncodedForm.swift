/// `application/x-www-form-urlencoded` parsing (WHATWG URL §5.1) for query strings and forms.
public enum URLEncodedForm {
    /// Parses `a=1&b=two+words`. A malformed escape or non-UTF-8 text is a 400 naming the field.
    public static func parse(_ text: String) throws -> FormFields {
        var fields = FormFields()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let eq = pair.firstIndex(of: "=") {
                name = pair[..<eq]
                value = pair[pair.index(after: eq)...]
            } else {
                name = pair
                value = ""
            }
            guard let decodedName = PercentEncoding.decode(name, plusAsSpace: true),
                let decodedValue = PercentEncoding.decode(value, plusAsSpace: true)
            else {
                throw HTTPError(.badRequest, "The form field “\(name.prefix(40))” is not valid URL encoding.")
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
