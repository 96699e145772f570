import HTTPCore
import YAML

/// Turns a raw response into an ``ActionResult``: redacts first, then parses JSON, keeps the
/// useful headers and cuts the text to the budget.
enum ResponseShaper {
    /// Headers worth showing a model or an admin; the rest is transport detail.
    static let usefulHeaders: Set<String> = [
        "content-type", "location", "retry-after", "etag", "last-modified", "x-request-id", "request-id", "www-authenticate",
        "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset",
        "link", "content-range",
    ]

    static func shape(_ response: ClientResponse, redactor: Redactor, budget: Int, durationMilliseconds: Int) -> ActionResult {
        let headers = response.headers.filter { usefulHeaders.contains($0.name.lowercased()) }.map {
            NameValue(name: $0.name, value: redactor.redact($0.value))
        }
        let contentType = response.headers["Content-Type"]?.lowercased() ?? ""
        var result = ActionResult(
            status: response.status.code, reason: response.status.reason, headers: headers, json: nil, bodyText: "", omittedBytes: 0,
            note: nil, durationMilliseconds: durationMilliseconds)
        guard !response.body.isEmpty else { return result }
        guard isTextual(contentType), let decoded = String(validating: response.body, as: UTF8.self) else {
            result.note =
                "The body (\(response.body.count) bytes of \(contentType.isEmpty ? "unknown type" : contentType)) is not text and is not shown."
            return result
        }
        // Redact before anything parses or cuts the text, so no part of a secret survives.
        var text = redactor.redact(decoded)
        if RequestBuilder.isJSON(contentType) || text.first == "{" || text.first == "[",
            let parsed = try? JSONReader().read(Array(text.utf8))
        {
            text = parsed.jsonText()
            if text.utf8.count <= budget { result.json = parsed }
        }
        let total = text.utf8.count
        if total > budget {
            let kept = prefix(of: text, maximumBytes: budget)
            result.omittedBytes = total - kept.utf8.count
            result.note = "The response was truncated to \(kept.utf8.count) of \(total) bytes; \(result.omittedBytes) bytes were left out."
            text = kept
        }
        result.bodyText = text
        return result
    }

    private static func isTextual(_ contentType: String) -> Bool {
        contentType.isEmpty || contentType.hasPrefix("text/") || contentType.contains("json") || contentType.contains("xml")
            || contentType.contains("x-www-form-urlencoded") || contentType.contains("javascript") || contentType.contains("yaml")
    }

    /// The longest prefix of whole characters within `maximumBytes` of UTF-8.
    private static func prefix(of text: String, maximumBytes: Int) -> String {
        var count = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            if count + size > maximumBytes { break }
            count += size
            end = text.index(after: index)
        }
        return String(text[..<end])
    }
}
