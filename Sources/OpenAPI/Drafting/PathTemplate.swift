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

    private static func isIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }
}
