/// The fields that decide how a request's body is delimited, collected while a head is parsed.
struct FramingFields {
    var contentLength: Int?
    var transferEncodingSeen = false
    var chunkedCount = 0
    var otherCodingSeen = false
    var hostCount = 0

    /// Longest Content-Length accepted: 18 digits cannot overflow `Int`.
    static let maxContentLengthDigits = 18

    /// Records `name: value` (ranges of `bytes`) if it is Content-Length, Transfer-Encoding or Host.
    mutating func note(_ bytes: UnsafeRawBufferPointer, name: Range<Int>, value: Range<Int>) throws(HTTPParserError) {
        switch name.count {
        case 4 where ASCII.equalsIgnoringCase(bytes, name, "host"):
            hostCount += 1
        case 14 where ASCII.equalsIgnoringCase(bytes, name, "content-length"):
            try noteContentLength(bytes, value)
        case 17 where ASCII.equalsIgnoringCase(bytes, name, "transfer-encoding"):
            transferEncodingSeen = true
            forEachListElement(bytes, value) { element in
                if ASCII.equalsIgnoringCase(bytes, element, "chunked") {
                    chunkedCount += 1
                } else {
                    otherCodingSeen = true
                }
            }
        default:
            break
        }
    }

    /// RFC 9110 §8.6: `Content-Length = 1*DIGIT`; repeated values (in one field or several) must agree.
    mutating func noteContentLength(_ bytes: UnsafeRawBufferPointer, _ value: Range<Int>) throws(HTTPParserError) {
        var failure: HTTPParserError.Kind?
        var elements = 0
        forEachListElement(bytes, value) { element in
            elements += 1
            guard failure == nil else { return }
            guard element.count <= Self.maxContentLengthDigits else {
                failure = .invalidContentLength
                return
            }
            var length = 0
            for position in element {
                let byte = bytes[position]
                guard byte >= 0x30 && byte <= 0x39 else {
                    failure = .invalidContentLength
                    return
                }
                length = length * 10 + Int(byte - 0x30)
            }
            if let earlier = contentLength, earlier != length {
                failure = .conflictingContentLength
            }
            contentLength = length
        }
        if elements == 0 { failure = failure ?? .invalidContentLength }
        if let failure { throw HTTPParserError(failure, offset: value.lowerBound) }
    }

    /// The body framing of RFC 9112 §6.3, refusing every ambiguous combination.
    func framing(version: HTTPVersion, offset: Int) throws(HTTPParserError) -> HTTPParser.BodyFraming {
        guard transferEncodingSeen else { return .length(contentLength ?? 0) }
        // §6.3 item 3: both present is a smuggling attempt; refuse rather than pick one.
        if contentLength != nil { throw HTTPParserError(.contentLengthWithTransferEncoding, offset: offset) }
        if version == .http10 { throw HTTPParserError(.transferEncodingInHTTP10, offset: offset) }
        // Only chunked is implemented, so any other coding (or one applied after chunked) is 501 (§6.1).
        if otherCodingSeen { throw HTTPParserError(.unsupportedTransferEncoding, offset: offset) }
        guard chunkedCount == 1 else { throw HTTPParserError(.invalidTransferEncoding, offset: offset) }
        return .chunked
    }

    /// Calls `body` with the range of each non-empty element of a comma-separated list, OWS trimmed.
    private func forEachListElement(
        _ bytes: UnsafeRawBufferPointer, _ value: Range<Int>, _ body: (Range<Int>) -> Void
    ) {
        var start = value.lowerBound
        while start <= value.upperBound {
            var end = start
            while end < value.upperBound && bytes[end] != ASCII.comma { end += 1 }
            var trimmedStart = start
            var trimmedEnd = end
            while trimmedStart < trimmedEnd && ASCII.isWhitespace(bytes[trimmedStart]) { trimmedStart += 1 }
            while trimmedEnd > trimmedStart && ASCII.isWhitespace(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
            if trimmedStart < trimmedEnd { body(trimmedStart..<trimmedEnd) }
            start = end + 1
        }
    }
}
