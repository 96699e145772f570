/// Authentication hints in a line of documentation: `Authorization: Bearer`, API key headers and
/// query parameters, basic authentication, OAuth 2.0 authorization and token URLs.
enum AuthHints {
    /// Lower-cased names that carry an API key.
    static func isAPIKeyName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("api-key") || lower.contains("apikey") || lower.contains("api_key") || lower == "x-auth-token"
            || lower == "x-api-token" || lower == "access_key"
    }

    /// The schemes `line` hints at, in the order found.
    static func schemes(in line: String) -> [DraftSecurityScheme] {
        let lower = line.lowercased()
        var found: [DraftSecurityScheme] = []
        if lower.contains("bearer"), lower.contains("authorization") || lower.contains("token") || lower.contains("auth") {
            found.append(.bearer)
        }
        if lower.contains("authorization: basic") || lower.contains("basic auth") || lower.contains("http basic") {
            found.append(.basic)
        }
        if let apiKey = apiKey(in: line) { found.append(apiKey) }
        if let oauth = oauth(in: line) { found.append(oauth) }
        return found
    }

    /// An API key header (`X-API-Key: …`, "the `X-Api-Key` header") or query parameter (`?api_key=`).
    private static func apiKey(in line: String) -> DraftSecurityScheme? {
        let lower = line.lowercased()
        for word in DraftText.words(line) {
            var token = DraftText.trimming(word, DraftText.decoration.union(DraftText.trailingPunctuation).union(["(", "["]))
            if let query = token.firstIndex(of: "?") { token = String(token[token.index(after: query)...]) }
            if let equals = token.firstIndex(of: "=") { token = String(token[..<equals]) }
            guard isAPIKeyName(token), !token.contains("/"), token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            else {
                continue
            }
            let isQuery = word.contains("?\(token)=") || word.contains("&\(token)=") || lower.contains("query")
            let isHeader = word.hasSuffix(":") || lower.contains("header") || token.lowercased().hasPrefix("x-")
            if isQuery, !word.hasSuffix(":") { return .apiKey(name: token, location: "query") }
            if isHeader { return .apiKey(name: token, location: "header") }
        }
        return nil
    }

    /// OAuth 2.0 URLs: an authorization endpoint (`…/authorize`) and a token endpoint (`…/token`).
    private static func oauth(in line: String) -> DraftSecurityScheme? {
        let lower = line.lowercased()
        var authorizationURL: String?
        var tokenURL: String?
        for url in DraftText.urls(in: line) {
            guard let parsed = DocumentedURL(url) else { continue }
            let path = parsed.path.lowercased()
            let mentionsOAuth =
                path.contains("oauth") || lower.contains("oauth") || lower.contains("authorization url")
                || lower.contains("token url")
            guard mentionsOAuth else { continue }
            if path.hasSuffix("/authorize") || path.hasSuffix("/auth") || lower.contains("authorization url") && !path.hasSuffix("/token") {
                authorizationURL = authorizationURL ?? parsed.text
            } else if path.hasSuffix("/token") || lower.contains("token url") {
                tokenURL = tokenURL ?? parsed.text
            }
        }
        guard authorizationURL != nil || tokenURL != nil else { return nil }
        return .oauth2(authorizationURL: authorizationURL, tokenURL: tokenURL)
    }
}
