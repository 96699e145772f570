import YAML

/// JSON Pointer (RFC 6901): escaping, and looking a pointer up in a value.
enum JSONPointer {
    /// Escapes a reference token: "~" as "~0", "/" as "~1" (RFC 6901 §3).
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// The value `pointer` designates in `root`, or `nil` when a step does not exist.
    ///
    /// Array steps must be decimal indices in range (RFC 6901 §4); "~1" and "~0" are unescaped
    /// after splitting, "~1" first as the RFC requires.
    static func lookUp(_ pointer: String, in root: OrderedValue) -> OrderedValue? {
        guard !pointer.isEmpty else { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var current = root
        // Split on the separator bytes, not Characters: grapheme breaking every `$ref` is costly.
        for tokenBytes in pointer.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            let rawToken = Substring(tokenBytes)
            let token = rawToken.utf8.contains(UInt8(ascii: "~"))
                ? String(rawToken).replacing("~1", with: "/").replacing("~0", with: "~") : String(rawToken)
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard !token.isEmpty, token.allSatisfy(\.isASCII), let index = Int(token),
                    (token == "0" || !token.hasPrefix("0")), elements.indices.contains(index)
                else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
