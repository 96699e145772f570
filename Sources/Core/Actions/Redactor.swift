import Foundation
import HTTPCore

/// Replaces every credential value in text with `[redacted]`: as sent, percent-encoded (as it
/// appears in a URL), as part of a Basic credential, and, for a value written with an auth scheme
/// (`Bearer abc…` in a custom `Authorization` header), its credential part alone, which an API
/// may echo without the scheme.
struct Redactor: Sendable {
    static let mark = "[redacted]"

    /// The forms to replace, longest first so a whole value goes before any part of it.
    let needles: [String]

    init(secrets: [String]) {
        var forms = Set<String>()
        for secret in secrets where secret.count >= 3 {
            for form in [secret] + Self.credentialPart(of: secret) {
                forms.insert(form)
                forms.insert(PercentEncoding.encode(form))
            }
        }
        needles = forms.sorted { $0.count > $1.count }
    }

    /// `abc…` of `Bearer abc…` (RFC 9110 §11.4: a scheme token, a space, the credentials), when
    /// that part is long enough to be a secret rather than a common word.
    static func credentialPart(of value: String) -> [String] {
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].allSatisfy({ $0.isLetter || $0 == "-" }) else { return [] }
        let credential = parts[1].trimmingCharacters(in: .whitespaces)
        return credential.count >= 8 ? [credential] : []
    }

    func redact(_ text: String) -> String {
        var result = text
        for needle in needles where result.contains(needle) {
            result = result.replacingOccurrences(of: needle, with: Self.mark)
        }
        return result
    }
}
