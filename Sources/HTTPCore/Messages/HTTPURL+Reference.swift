extension HTTPURL {
    /// Resolves a URI reference against this URL, as a `Location` header needs (RFC 3986 §5.2).
    ///
    /// An absolute reference is parsed as is; `//host/path` keeps the scheme; `/path`, `?query`
    /// and relative paths keep the origin, with dot segments removed (RFC 3986 §5.2.4).
    /// Spaces and non-ASCII bytes, which some servers put in `Location` unencoded, are
    /// percent-encoded as browsers do; other control characters are refused.
    public func resolving(_ reference: String) throws(HTTPURLError) -> HTTPURL {
        let utf8 = reference.utf8
        if let bad = utf8.firstIndex(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw HTTPURLError(reference, "it contains a control character at offset \(utf8.distance(from: utf8.startIndex, to: bad))")
        }
        var reference = Substring(Self.percentEncodingSpacesAndNonASCII(reference))
        if let hash = reference.firstIndex(of: "#") { reference = reference[..<hash] }
        if Self.hasScheme(reference) { return try HTTPURL(String(reference)) }
        if reference.hasPrefix("//") { return try HTTPURL("\(scheme.rawValue):\(reference)") }
        if reference.isEmpty { return self }

        let (basePath, _) = Self.split(target)
        let (referencePath, referenceQuery) = Self.split(reference)
        let path: Substring
        if referencePath.isEmpty {
            path = basePath
        } else if referencePath.hasPrefix("/") {
            path = referencePath
        } else {
            // RFC 3986 §5.2.3: merge with everything up to the last "/" of the base path.
            let directory = basePath.lastIndex(of: "/").map { basePath[...$0] } ?? "/"
            path = Substring(directory + referencePath)
        }
        let query = referenceQuery.map { "?" + $0 } ?? ""
        return replacingTarget(Self.removingDotSegments(path) + query)
    }

    private static func percentEncodingSpacesAndNonASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x20 || $0 > 0x7F }) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0x20 || byte > 0x7F {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 3986 §3.1: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"` before any "/", "?".
    private static func hasScheme(_ reference: Substring) -> Bool {
        guard let colon = reference.firstIndex(of: ":"), let first = reference.first, first.isLetter else { return false }
        return reference[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    private static func split<S: StringProtocol>(_ target: S) -> (path: Substring, query: Substring?) where S.SubSequence == Substring {
        guard let mark = target.firstIndex(of: "?") else { return (target[...], nil) }
        return (target[..<mark], target[target.index(after: mark)...])
    }

    /// RFC 3986 §5.2.4, on segments: "." dropped, ".." removes the one before, never above the root.
    private static func removingDotSegments(_ path: Substring) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }
}
