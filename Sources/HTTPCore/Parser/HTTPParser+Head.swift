#if canImport(Glibc)
import Glibc
#endif

extension HTTPParser {
    /// Scans for the end of the head (RFC 9112 §2.1: lines end in CRLF, the head in an empty
    /// line), remembering how far it got, then parses the whole head at once.
    mutating func parseHead(
        _ bytes: UnsafeRawBufferPointer, scanned: Int, lineStart startOfLine: Int, lineCount count: Int
    ) throws(HTTPParserError) -> (event: Event?, consumed: Int) {
        let available = bytes.count
        guard available > 0, let base = bytes.baseAddress else { return (nil, 0) }
        if scanned == 0 && count == 0 {
            // RFC 9112 §2.2: ignore empty lines received before the request line.
            var skipped = 0
            while skipped + 1 < available && bytes[skipped] == ASCII.carriageReturn
                && bytes[skipped + 1] == ASCII.lineFeed
            {
                skipped += 2
            }
            if skipped > 0 {
                let rest = try parseHead(
                    UnsafeRawBufferPointer(rebasing: bytes[skipped...]), scanned: 0, lineStart: 0, lineCount: 0)
                return (rest.event, skipped + rest.consumed)
            }
        }
        var index = scanned
        var lineStart = startOfLine
        var lineCount = count
        while index < available {
            guard let found = memchr(base + index, Int32(ASCII.lineFeed), available - index) else {
                index = available
                break
            }
            let lineFeed = base.distance(to: UnsafeRawPointer(found))
            guard lineFeed > lineStart, bytes[lineFeed - 1] == ASCII.carriageReturn else {
                throw HTTPParserError(.bareLineFeed, offset: lineFeed)
            }
            if lineFeed - 1 == lineStart {
                let headLength = lineFeed + 1
                if headLength > limits.maxHeaderBytes {
                    throw HTTPParserError(.headTooLarge, offset: limits.maxHeaderBytes)
                }
                let head = try buildHead(bytes, end: lineStart)
                messageOffset = headLength
                return (.head(head), headLength)
            }
            if lineCount == 0 && lineFeed - 1 > limits.maxURIBytes + Self.requestLineAllowance {
                throw HTTPParserError(.uriTooLong, offset: 0)
            }
            lineCount += 1
            if lineCount > limits.maxHeaderCount + 1 {
                throw HTTPParserError(.tooManyHeaders, offset: lineStart)
            }
            lineStart = lineFeed + 1
            index = lineStart
        }
        if lineCount == 0 && available > limits.maxURIBytes + Self.requestLineAllowance {
            throw HTTPParserError(.uriTooLong, offset: 0)
        }
        if available > limits.maxHeaderBytes {
            throw HTTPParserError(.headTooLarge, offset: limits.maxHeaderBytes)
        }
        state = .head(scanned: index, lineStart: lineStart, lineCount: lineCount)
        return (nil, 0)
    }

    /// Room for the method and version beside the target before a long request line means 414.
    static let requestLineAllowance = 64

    /// Parses a complete head: `bytes[0..<end]` is its lines, each ending in CRLF.
    mutating func buildHead(_ bytes: UnsafeRawBufferPointer, end: Int) throws(HTTPParserError) -> HTTPRequestHead {
        var lineEnd = 0
        while bytes[lineEnd] != ASCII.carriageReturn || bytes[lineEnd + 1] != ASCII.lineFeed { lineEnd += 1 }
        var requestLine = try parseRequestLine(bytes, 0..<lineEnd)

        var headers = HTTPHeaders()
        var framingFields = FramingFields()
        var lineStart = lineEnd + 2
        while lineStart < end {
            lineEnd = lineStart
            while bytes[lineEnd] != ASCII.carriageReturn || bytes[lineEnd + 1] != ASCII.lineFeed { lineEnd += 1 }
            let (name, value) = try parseField(bytes, lineStart..<lineEnd)
            try framingFields.note(bytes, name: name, value: value)
            headers.add(
                String(decoding: UnsafeRawBufferPointer(rebasing: bytes[name]), as: UTF8.self),
                String(decoding: UnsafeRawBufferPointer(rebasing: bytes[value]), as: UTF8.self))
            lineStart = lineEnd + 2
        }

        if let authority = requestLine.absoluteFormAuthority {
            // RFC 9112 §3.2.2: the authority of an absolute-form target replaces any Host field.
            headers.replaceOrAdd("Host", authority)
        } else if framingFields.hostCount > 1 {
            throw HTTPParserError(.multipleHost, offset: end)
        } else if framingFields.hostCount == 0 && requestLine.version == .http11 {
            // RFC 9112 §3.2: a 1.1 request without Host is answered 400.
            throw HTTPParserError(.missingHost, offset: end)
        }
        framing = try framingFields.framing(version: requestLine.version, offset: end)
        requestLine.absoluteFormAuthority = nil
        switch framing {
        case .length(let length): state = .fixedBody(remaining: length)
        case .chunked: state = .chunkSize(value: 0, digits: 0)
        }
        return HTTPRequestHead(
            method: requestLine.method, target: requestLine.target, version: requestLine.version,
            headers: headers)
    }

    struct RequestLine {
        var method: HTTPMethod
        var target: String
        var version: HTTPVersion
        var absoluteFormAuthority: String?
    }

    /// `request-line = method SP request-target SP HTTP-version` (RFC 9112 §3), single spaces only.
    func parseRequestLine(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>) throws(HTTPParserError) -> RequestLine {
        var index = line.lowerBound
        while index < line.upperBound && ASCII.isTokenCharacter(bytes[index]) { index += 1 }
        guard index < line.upperBound, bytes[index] == ASCII.space else {
            if index < line.upperBound { try Self.rejectControl(bytes[index], at: index) }
            throw HTTPParserError(index == line.lowerBound ? .malformedRequestLine : .invalidMethod, offset: index)
        }
        guard index > line.lowerBound else { throw HTTPParserError(.malformedRequestLine, offset: index) }
        let methodRange = line.lowerBound..<index

        index += 1
        let targetStart = index
        while index < line.upperBound && bytes[index] != ASCII.space {
            let byte = bytes[index]
            if byte <= 0x20 || byte >= 0x7F {
                try Self.rejectControl(byte, at: index)
                throw HTTPParserError(.invalidTarget, offset: index)
            }
            index += 1
        }
        let targetRange = targetStart..<index
        guard !targetRange.isEmpty, index < line.upperBound else {
            throw HTTPParserError(.malformedRequestLine, offset: index)
        }
        if targetRange.count > limits.maxURIBytes { throw HTTPParserError(.uriTooLong, offset: targetStart) }

        let versionRange = (index + 1)..<line.upperBound
        let version = try parseVersion(bytes, versionRange)
        let method = HTTPMethod(rawValue: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[methodRange]), as: UTF8.self))
        let target = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[targetRange]), as: UTF8.self)

        switch bytes[targetStart] {
        case ASCII.slash:
            return RequestLine(method: method, target: target, version: version)
        case ASCII.asterisk where targetRange.count == 1:
            // RFC 9112 §3.2.4: asterisk-form is only for a server-wide OPTIONS.
            guard method == .options else { throw HTTPParserError(.asteriskTargetWithoutOptions, offset: targetStart) }
            return RequestLine(method: method, target: target, version: version)
        default:
            guard let (authority, originForm) = Self.splitAbsoluteForm(target) else {
                throw HTTPParserError(.invalidTarget, offset: targetStart)
            }
            return RequestLine(method: method, target: originForm, version: version, absoluteFormAuthority: authority)
        }
    }

    /// Splits `http://authority/path?query` into the authority and origin form (RFC 9112 §3.2.2).
    static func splitAbsoluteForm(_ target: String) -> (authority: String, originForm: String)? {
        let utf8 = target.utf8
        let scheme: Int
        if utf8.count >= 7 && target.prefix(7).lowercased() == "http://" {
            scheme = 7
        } else if utf8.count >= 8 && target.prefix(8).lowercased() == "https://" {
            scheme = 8
        } else {
            return nil
        }
        let afterScheme = utf8.index(utf8.startIndex, offsetBy: scheme)
        let rest = target[afterScheme...]
        let authorityEnd = rest.utf8.firstIndex { $0 == ASCII.slash || $0 == ASCII.questionMark } ?? rest.endIndex
        let authority = String(rest[..<authorityEnd])
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        let path = rest[authorityEnd...]
        let originForm = path.first == "/" ? String(path) : "/" + path
        return (authority, originForm)
    }

    /// `HTTP-version = "HTTP/" DIGIT "." DIGIT` (RFC 9112 §2.3); other versions are answered 505.
    func parseVersion(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) throws(HTTPParserError) -> HTTPVersion {
        let prefixEnd = range.lowerBound + 5
        // The name "HTTP" is case-sensitive (RFC 9112 §2.3).
        guard range.count > 5, ASCII.equals(bytes, range.lowerBound..<prefixEnd, "HTTP/") else {
            throw HTTPParserError(.malformedRequestLine, offset: range.lowerBound)
        }
        for index in prefixEnd..<range.upperBound {
            let byte = bytes[index]
            guard (byte >= 0x30 && byte <= 0x39) || byte == 0x2E else {
                throw HTTPParserError(.malformedRequestLine, offset: index)
            }
        }
        if range.count == 8 && bytes[prefixEnd] == 0x31 && bytes[prefixEnd + 1] == 0x2E {
            switch bytes[prefixEnd + 2] {
            case 0x31: return .http11
            case 0x30: return .http10
            default: break
            }
        }
        throw HTTPParserError(.unsupportedVersion, offset: range.lowerBound)
    }

    /// `field-line = field-name ":" OWS field-value OWS` (RFC 9112 §5); returns name and value ranges.
    func parseField(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>) throws(HTTPParserError) -> (
        name: Range<Int>, value: Range<Int>
    ) {
        // RFC 9112 §5.2: obs-fold in a request is rejected with 400.
        if ASCII.isWhitespace(bytes[line.lowerBound]) {
            throw HTTPParserError(.obsoleteLineFolding, offset: line.lowerBound)
        }
        var index = line.lowerBound
        while index < line.upperBound && bytes[index] != ASCII.colon {
            let byte = bytes[index]
            if !ASCII.isTokenCharacter(byte) {
                // RFC 9112 §5.1: no whitespace is allowed between the field name and the colon.
                if ASCII.isWhitespace(byte) { throw HTTPParserError(.whitespaceBeforeColon, offset: index) }
                try Self.rejectControl(byte, at: index)
                throw HTTPParserError(.invalidHeaderName, offset: index)
            }
            index += 1
        }
        guard index < line.upperBound, index > line.lowerBound else {
            throw HTTPParserError(.invalidHeaderName, offset: index)
        }
        let name = line.lowerBound..<index
        var valueStart = index + 1
        while valueStart < line.upperBound && ASCII.isWhitespace(bytes[valueStart]) { valueStart += 1 }
        var valueEnd = line.upperBound
        while valueEnd > valueStart && ASCII.isWhitespace(bytes[valueEnd - 1]) { valueEnd -= 1 }
        for position in valueStart..<valueEnd {
            let byte = bytes[position]
            // field-vchar, obs-text, SP and HTAB (RFC 9110 §5.5); any other control is refused.
            if byte < 0x20 && byte != ASCII.tab || byte == 0x7F {
                try Self.rejectControl(byte, at: position)
                throw HTTPParserError(.invalidHeaderValue, offset: position)
            }
        }
        return (name, valueStart..<valueEnd)
    }

    /// Throws the specific error for NUL and a bare CR; returns for any other byte.
    static func rejectControl(_ byte: UInt8, at offset: Int) throws(HTTPParserError) {
        if byte == 0 { throw HTTPParserError(.nulCharacter, offset: offset) }
        if byte == ASCII.carriageReturn { throw HTTPParserError(.bareCarriageReturn, offset: offset) }
    }
}
