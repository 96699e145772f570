import Foundation

/// Replaces every credential value in text with `[redacted]`: as sent, percent-encoded (as it
/// appears in a URL) and as part of a Basic credential.
struct Redactor: Sendable {
    static let mark = "[redacted]"

    /// The forms to replace, longest first so a whole value goes before any part of it.
    let needles: [String]

    init(secrets: [String]) {
        var forms = Set<String>()
        for secret in secrets where secret.count >= 3 {
            forms.insert(secret)
            forms.insert(PercentEncoding.encode(secret))
        }
        needles = forms.sorted { $0.count > $1.count }
    }

    func redact(_ text: String) -> String {
        var result = text
        for needle in needles where result.contains(needle) {
            result = result.replacingOccurrences(of: needle, with: Self.mark)
        }
        return result
    }
}
