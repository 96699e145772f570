import Foundation

/// Path templates as documentation writes them (`/orders/:id`, `/orders/<id>`, `/orders/{id}`),
/// normalised to OpenAPI's `{id}` form (OpenAPI 3.0 §4.7.8: path templating).
enum PathTemplate {
    /// `path` with `:name`, `<name>`, `{{name}}`, `%7Bname%7D`, `$NAME` and `[name]` placeholders as `{name}`,
    /// without query, fragment or trailing slash; nil when it is not a path.
    static func normalized(_ raw: String) -> String? {
        var path = raw
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        path = DraftText.trimming(path, DraftText.trailingPunctuation.subtracting(["}"]).union(DraftText.whitespace))
        path = path.replacingOccurrences(of: "%7B", with: "{").replacingOccurrences(of: "%7D", with: "}")
            .replacingOccurrences(of: "%7b", with: "{").replacingOccurrences(of: "%7d", with: "}")
            .replacingOccurrences(of: "{{", with: "{").replacingOccurrences(of: "}}", with: "}")
        guard path.hasPrefix("/") else { return nil }
        var segments: [String] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            let text = String(segment)
            if text.hasPrefix(":"), text.count > 1 {
                segments.append("{\(text.dropFirst())}")
            } else if text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2 {
                segments.append("{\(text.dropFirst().dropLast())}")
            } else if text.hasPrefix("$"), text.count > 1 {
                // Shell variables in curl examples: `$ORDER_ID`, `${ORDER_ID}`.
                segments.append("{\(DraftText.trimming(text.dropFirst(), ["{", "}"]).lowercased())}")
            } else if text.hasPrefix("["), text.hasSuffix("]"), text.count > 2 {
                segments.append("{\(text.dropFirst().dropLast())}")
            } else if let previous = segments.last, isLiteralIdentifier(text), !previous.hasPrefix("{") {
                segments.append("{\(identifierName(after: previous))}")
            } else {
                segments.append(text)
            }
        }
        for segment in segments {
            // A path segment holds no spaces or quotes; a braced name holds a plain identifier.
            guard !segment.contains(where: { DraftText.whitespace.contains($0) || $0 == "\"" || $0 == "'" }) else { return nil }
        }
        let names = segments.flatMap(parameterNames(inSegment:))
        guard names.allSatisfy(isIdentifier) else { return nil }
        return "/" + segments.joined(separator: "/")
    }

    /// The names of the `{name}` placeholders in `path`, in order.
    static func parameterNames(in path: String) -> [String] {
        path.split(separator: "/").flatMap { parameterNames(inSegment: String($0)) }
    }

    /// `path` with every placeholder name removed (`/orders/{}`), to compare templates.
    static func shape(_ path: String) -> String {
        var result = ""
        var inPlaceholder = false
        for character in path {
            if character == "{" {
                inPlaceholder = true
                result.append("{")
            } else if character == "}" {
                inPlaceholder = false
                result.append("}")
            } else if !inPlaceholder {
                result.append(character)
            }
        }
        return result
    }

    private static func parameterNames(inSegment segment: String) -> [String] {
        var names: [String] = []
        var rest = Substring(segment)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Whether an example path segment is an identifier value (`123`, `cus_9fQ2`, a UUID) rather
    /// than a resource name: curl examples call real URLs.
    private static func isLiteralIdentifier(_ segment: String) -> Bool {
        guard segment.count >= 1, segment.count <= 64 else { return false }
        if segment.allSatisfy(\.isNumber) { return true }
        let hexAndDashes = segment.allSatisfy { $0.isHexDigit || $0 == "-" }
        if hexAndDashes, segment.count == 36, segment.filter({ $0 == "-" }).count == 4 { return true }
        // Prefixed identifiers (`cus_9fQ2`, `ch_1`): letters, an underscore, then a part with a digit.
        let parts = segment.split(separator: "_", maxSplits: 1)
        if parts.count == 2, let prefix = parts.first, let value = parts.last, prefix.allSatisfy(\.isLetter), prefix.count <= 5,
            value.contains(where: \.isNumber), value.allSatisfy({ $0.isLetter || $0.isNumber })
        {
            return true
        }
        return false
    }

    /// `customer_id` after `customers`, `id` after anything that is not a plain plural word.
    private static func identifierName(after collection: String) -> String {
        let lower = collection.lowercased()
        guard lower.count > 1, lower.hasSuffix("s"), lower.allSatisfy({ $0.isLetter || $0 == "_" }) else { return "id" }
        let singular = lower.hasSuffix("ies") ? lower.dropLast(3) + "y" : (lower.hasSuffix("sses") ? lower.dropLast(2) : lower.dropLast())
        return singular + "_id"
    }

    private static func isIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }
}
