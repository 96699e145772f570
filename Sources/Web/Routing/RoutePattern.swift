import HTTPCore

/// A route's path: literal segments, `:name` parameters and an optional final `*` for the rest.
///
/// Matching works on the still-encoded path, one segment at a time, so `%2F` inside a segment
/// never becomes a separator; captured values are percent-decoded after the match.
struct RoutePattern: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case rest(String)
    }

    let segments: [Segment]
    let description: String

    init(_ path: String) {
        description = path
        segments = path.split(separator: "/").map { part in
            if part.hasPrefix(":") { return .parameter(String(part.dropFirst())) }
            if part == "*" { return .rest("*") }
            if part.hasPrefix("*") { return .rest(String(part.dropFirst())) }
            return .literal(String(part))
        }
    }

    /// The captured parameters, or nil when the path does not match (or a value is not valid UTF-8).
    func match(_ pathSegments: [Substring]) -> Parameters? {
        var parameters = Parameters()
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .rest(let name):
                let rest = pathSegments[min(index, pathSegments.count)...].joined(separator: "/")
                guard let value = PercentEncoding.decode(rest) else { return nil }
                parameters.append(name, value)
                return parameters
            case .literal(let text):
                guard index < pathSegments.count, pathSegments[index] == text else { return nil }
            case .parameter(let name):
                guard index < pathSegments.count, let value = PercentEncoding.decode(pathSegments[index]), !value.isEmpty
                else { return nil }
                parameters.append(name, value)
            }
        }
        return segments.count == pathSegments.count ? parameters : nil
    }

    static func split(_ path: Substring) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
