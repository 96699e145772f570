/// A URL as written in documentation, split into origin, path and query
/// (RFC 3986 §3, leniently: placeholders such as `{id}` and `:id` are allowed in the path).
struct DocumentedURL {
    /// `scheme://host[:port]`, lower-cased scheme and host; nil for a path written alone.
    var origin: String?
    /// The path, normalised by ``PathTemplate/normalized(_:)``; `/` when empty.
    var path: String
    /// Query items in order; a name without `=` has an empty value.
    var queryItems: [(name: String, value: String)]

    /// Parses an absolute `http`/`https` URL or a path starting with `/`; nil for anything else.
    init?(_ text: String) {
        let lower = text.lowercased()
        let schemeLength: Int
        if text.hasPrefix("/") {
            let pathPart = String(text.prefix { $0 != "?" && $0 != "#" })
            guard let normalized = PathTemplate.normalized(pathPart) else { return nil }
            origin = nil
            path = normalized
            queryItems = Self.queryItems(of: text)
            return
        } else if lower.hasPrefix("https://") {
            schemeLength = 8
        } else if lower.hasPrefix("http://") {
            schemeLength = 7
        } else {
            return nil
        }
        let afterScheme = text.dropFirst(schemeLength)
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        // Userinfo is dropped: documentation writes `https://user:pass@host` only in examples.
        let host = authority.split(separator: "@").last.map(String.init) ?? ""
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:[]_".contains($0) }) else { return nil }
        origin = String(lower.prefix(schemeLength)) + host.lowercased()
        let rest = String(afterScheme[authorityEnd...])
        let pathPart = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let normalized = PathTemplate.normalized(pathPart.isEmpty ? "/" : pathPart) else { return nil }
        path = normalized
        queryItems = Self.queryItems(of: rest)
    }

    /// `origin` followed by `path`, without a trailing slash; just the path for a relative URL.
    var text: String {
        let joined = (origin ?? "") + path
        return joined.hasSuffix("/") && joined.count > 1 ? String(joined.dropLast()) : joined
    }

    /// The name-value pairs after the first `?` of `text` and before any `#`.
    private static func queryItems(of text: String) -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        guard let questionMark = text.firstIndex(of: "?") else { return items }
        let query = text[text.index(after: questionMark)...].prefix { $0 != "#" }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.map(String.init), !name.isEmpty else { continue }
            items.append((name, parts.count > 1 ? String(parts[1]) : ""))
        }
        return items
    }
}
