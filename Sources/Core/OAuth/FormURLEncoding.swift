import Foundation
import HTTPCore

/// `application/x-www-form-urlencoded` as OAuth uses it for token requests and for some token
/// responses (RFC 6749 Appendix B; WHATWG URL §5).
enum FormURLEncoding {
    /// `name=value&…`, each side percent-encoded except the unreserved characters.
    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
    }

    /// The pairs of a form body; `+` is a space. A pair that does not decode is left out.
    static func decode(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String? { part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = parts.first.flatMap(decoded) else { return nil }
            let value = parts.count > 1 ? decoded(parts[1]) : ""
            return value.map { (name, $0) }
        }
    }
}
