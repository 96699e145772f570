/// One part of a `multipart/form-data` body.
public struct MultipartPart: Sendable, Equatable {
    /// The form field's name from `Content-Disposition`.
    public var name: String
    /// The uploaded file's name, nil for a plain field.
    public var filename: String?
    /// The part's own `Content-Type`, when given.
    public var contentType: String?
    public var body: [UInt8]
}

/// Splits a `multipart/form-data` body into parts (RFC 7578, RFC 2046 §5.1.1).
///
/// Works on bytes: file parts may hold anything. Malformed input is a 400 with a clear message.
public struct MultipartParser: Sendable {
    public let boundary: String
    /// The most parts accepted: a body of thousands of tiny parts is refused, not parsed.
    public var maxParts = 1_000

    public init(boundary: String) { self.boundary = boundary }

    /// The `boundary` parameter of a Content-Type value, unquoted.
    public static func boundary(fromContentType value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters().lowercased() == "boundary" else { continue }
            var boundary = pair[1].trimmingCharacters()
            if boundary.count >= 2, boundary.hasPrefix("\""), boundary.hasSuffix("\"") {
                boundary = String(boundary.dropFirst().dropLast())
            }
            // RFC 2046 §5.1.1: 1 to 70 characters.
            return (1...70).contains(boundary.utf8.count) ? boundary : nil
        }
        return nil
    }

    public func parse(_ body: [UInt8]) throws -> [MultipartPart] {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard var position = body.firstRange(of: delimiter)?.upperBound else {
            throw Self.malformed("the boundary never appears")
        }
        var parts: [MultipartPart] = []
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[position...].starts(with: [0x2D, 0x2D]) { return parts }
            guard body[position...].starts(with: [0x0D, 0x0A]) else { throw Self.malformed("a boundary is not followed by a line break") }
            position += 2
            guard let headEnd = body[position...].firstRange(of: [0x0D, 0x0A, 0x0D, 0x0A]) else {
                throw Self.malformed("a part's headers never end")
            }
            let head = body[position..<headEnd.lowerBound]
            position = headEnd.upperBound
            guard let next = body[position...].firstRange(of: separator) else {
                throw Self.malformed("the closing boundary is missing")
            }
            parts.append(try part(head: head, body: Array(body[position..<next.lowerBound])))
            guard parts.count <= maxParts else { throw Self.malformed("more than \(maxParts) parts") }
            position = next.upperBound
        }
    }

    private func part(head: ArraySlice<UInt8>, body: [UInt8]) throws -> MultipartPart {
        guard let text = String(validating: head, as: UTF8.self) else { throw Self.malformed("a part's headers are not UTF-8") }
        var name: String?
        var filename: String?
        var contentType: String?
        for line in text.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { throw Self.malformed("a part header has no colon") }
            let field = line[..<colon].trimmingCharacters().lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters()
            if field == "content-type" { contentType = value }
            guard field == "content-disposition" else { continue }
            for parameter in Self.dispositionParameters(value) {
                if parameter.name == "name" { name = parameter.value }
                if parameter.name == "filename" { filename = parameter.value }
            }
        }
        guard let name else { throw Self.malformed("a part has no name") }
        return MultipartPart(name: name, filename: filename, contentType: contentType, body: body)
    }

    /// `form-data; name="a"; filename="b.pdf"` → [(name, a), (filename, b.pdf)]; quotes and `\"` handled.
    static func dispositionParameters(_ value: String) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var rest = Substring(value)
        guard let firstSemicolon = rest.firstIndex(of: ";") else { return [] }
        rest = rest[rest.index(after: firstSemicolon)...]
        while !rest.isEmpty {
            rest = Substring(rest.trimmingCharacters())
            guard let eq = rest.firstIndex(of: "=") else { break }
            let key = rest[..<eq].trimmingCharacters().lowercased()
            rest = rest[rest.index(after: eq)...]
            var parsed = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let c = rest.first {
                    rest = rest.dropFirst()
                    if escaped { parsed.append(c); escaped = false }
                    else if c == "\\" { escaped = true }
                    else if c == "\"" { break }
                    else { parsed.append(c) }
                }
                if let semicolon = rest.firstIndex(of: ";") { rest = rest[rest.index(after: semicolon)...] } else { rest = "" }
            } else if let semicolon = rest.firstIndex(of: ";") {
                parsed = rest[..<semicolon].trimmingCharacters()
                rest = rest[rest.index(after: semicolon)...]
            } else {
                parsed = rest.trimmingCharacters()
                rest = ""
            }
            result.append((name: key, value: parsed))
        }
        return result
    }

    private static func malformed(_ why: String) -> HTTPError {
        HTTPError(.badRequest, "The upload is malformed: \(why).")
    }
}
