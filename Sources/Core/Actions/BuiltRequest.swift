/// A request built from an operation and arguments, before credentials are injected.
struct BuiltRequest: Sendable {
    var method: String
    /// Scheme, host and base path with the expanded path, no query.
    var urlWithoutQuery: String
    /// Query pairs, percent-encoded.
    var query: [(String, String)]
    var headers: [NameValue]
    var cookies: [String]
    var body: [UInt8]
    var contentType: String?

    /// The full URL text.
    var url: String {
        query.isEmpty ? urlWithoutQuery : urlWithoutQuery + "?" + query.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// Sets a header, replacing any of the same name (credentials are injected last and win).
    mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        headers.append(NameValue(name: name, value: value))
    }
}
