/// A push parser for HTTP/1.1 responses: fed bytes as they arrive, it hands back the head, body
/// pieces and the end (RFC 9112).
///
/// Body framing follows RFC 9112 §6.3: no body after HEAD or for 1xx/204/304; chunked when
/// `Transfer-Encoding` ends in `chunked`; read-until-close for any other transfer coding or when
/// there is no `Content-Length`; otherwise exactly `Content-Length` bytes. Interim 1xx responses
/// are skipped. Line ends may be CRLF or a bare LF (RFC 9112 §2.2).
///
///     var parser = ClientResponseParser(requestMethod: .get)
///     parser.append(bytesFromSocket)
///     while let event = try parser.next() { … }   // nil: feed more bytes
///     parser.finishInput()                        // at end of stream
struct ClientResponseParser {
    enum Event: Equatable {
        case head(ClientResponseHead)
        case body(ArraySlice<UInt8>)
        case end
    }

    /// How the body's end is found.
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
        case untilClose
    }

    private enum State {
        case head
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(bytes: Int)
        case untilClose
        case done
    }

    /// Why bytes are not a valid response; the client adds the host.
    struct Failure: Error, Equatable {
        let reason: String
    }

    private let requestMethod: HTTPMethod
    private let maxHeadBytes: Int
    private var buffer: [UInt8] = []
    private var offset = 0
    private var state = State.head
    private var inputFinished = false
    /// Bytes after `offset` already searched for the end of the head.
    private var headBytesScanned = 0
    /// The framing of the current response, known once its head is parsed.
    private(set) var framing = Framing.none

    init(requestMethod: HTTPMethod, maxHeadBytes: Int = 64 << 10) {
        self.requestMethod = requestMethod
        self.maxHeadBytes = maxHeadBytes
    }

    /// Adds bytes read from the connection.
    mutating func append<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        if offset > 0 && offset >= buffer.count / 2 {
            buffer.removeFirst(offset)
            offset = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Marks the end of the stream: a read-until-close body ends, anything else unfinished fails.
    mutating func finishInput() {
        inputFinished = true
    }

    /// Whether the response ended and bytes beyond it were received (the connection cannot be reused).
    var hasBytesBeyondResponse: Bool { offset < buffer.count }

    /// The next event the buffered bytes allow, or nil when more bytes are needed.
    mutating func next() throws(Failure) -> Event? {
        // A loop, not recursion: a server can send any number of trailer lines or interim responses.
        while true {
            switch state {
            case .head:
                guard let head = try parseHead() else { return nil }
                if let head { return .head(head) }
            case .fixedBody(let remaining):
                guard remaining > 0 else {
                    state = .done
                    return .end
                }
                guard let piece = takeBody(upTo: remaining) else { return try endOfInput(expecting: "\(remaining) more body bytes") }
                state = .fixedBody(remaining: remaining - piece.count)
                return .body(piece)
            case .chunkSize:
                guard try parseChunkSize() else { return try endOfInput(expecting: "the next chunk size") }
            case .chunkData(let remaining):
                guard let piece = takeBody(upTo: remaining) else { return try endOfInput(expecting: "the rest of a chunk") }
                state = remaining == piece.count ? .chunkDataEnd : .chunkData(remaining: remaining - piece.count)
                return .body(piece)
            case .chunkDataEnd:
                guard let line = try takeLine(limit: 2) else { return try endOfInput(expecting: "the line end after a chunk") }
                guard line.isEmpty else { throw Failure(reason: "chunk data is longer than its declared size") }
                state = .chunkSize
            case .trailers(let bytes):
                // RFC 9112 §7.1.2: trailer fields are read and dropped; an empty line ends the message.
                guard let line = try takeLine(limit: maxHeadBytes - bytes) else {
                    return try endOfInput(expecting: "the end of the trailer fields")
                }
                if line.isEmpty {
                    state = .done
                    return .end
                }
                state = .trailers(bytes: bytes + line.count + 2)
            case .untilClose:
                if let piece = takeBody(upTo: Int.max) { return .body(piece) }
                if inputFinished {
                    state = .done
                    return .end
                }
                return nil
            case .done:
                return nil
            }
        }
    }

    private mutating func endOfInput(expecting what: String) throws(Failure) -> Event? {
        guard inputFinished else { return nil }
        throw Failure(reason: "the connection closed before \(what)")
    }

    private mutating func takeBody(upTo limit: Int) -> ArraySlice<UInt8>? {
        guard offset < buffer.count else { return nil }
        let end = offset + min(limit, buffer.count - offset)
        defer { offset = end }
        return buffer[offset..<end]
    }

    /// One line without its CRLF or LF, or nil when no line end is buffered yet.
    private mutating func takeLine(limit: Int) throws(Failure) -> ArraySlice<UInt8>? {
        guard let newline = buffer[offset...].firstIndex(of: 0x0A) else {
            if buffer.count - offset > limit { throw Failure(reason: "a line is longer than \(limit) bytes") }
            return nil
        }
        var line = buffer[offset..<newline]
        if line.last == 0x0D { line = line.dropLast() }
        guard line.count <= limit else { throw Failure(reason: "a line is longer than \(limit) bytes") }
        offset = newline + 1
        return line
    }

    /// The final response head; `.some(nil)` after skipping an interim one; nil when more bytes are needed.
    private mutating func parseHead() throws(Failure) -> ClientResponseHead?? {
        // RFC 9112 §2.2: ignore empty lines before the status line.
        while offset < buffer.count {
            if buffer[offset] == 0x0A {
                offset += 1
            } else if buffer[offset] == 0x0D, offset + 1 < buffer.count, buffer[offset + 1] == 0x0A {
                offset += 2
            } else {
                break
            }
            headBytesScanned = 0
        }
        guard let end = findEndOfHead() else {
            if headBytesScanned > maxHeadBytes { throw Failure(reason: "the response head is longer than \(maxHeadBytes) bytes") }
            _ = try endOfInput(expecting: offset == buffer.count ? "any response" : "the end of the response head")
            return nil
        }
        headBytesScanned = 0
        guard end - offset <= maxHeadBytes else { throw Failure(reason: "the response head is longer than \(maxHeadBytes) bytes") }
        var lines: [ArraySlice<UInt8>] = []
        while let line = try takeLine(limit: maxHeadBytes), !line.isEmpty {
            lines.append(line)
        }
        let head = try Self.head(from: lines)
        if (100..<200).contains(head.status.code) {
            if head.status.code == 101 { throw Failure(reason: "unexpected 101 Switching Protocols") }
            return .some(nil)  // interim response (RFC 9110 §15.2): the final one follows
        }
        framing = try Self.framing(of: head, requestMethod: requestMethod)
        switch framing {
        case .none: state = .fixedBody(remaining: 0)
        case .length(let length): state = .fixedBody(remaining: length)
        case .chunked: state = .chunkSize
        case .untilClose: state = .untilClose
        }
        return head
    }

    /// The index of the line feed ending the blank line after the head fields, or nil. Resumes
    /// where the previous call stopped, so a head that arrives a byte at a time is scanned once.
    private mutating func findEndOfHead() -> Int? {
        var index = offset + headBytesScanned
        while index < buffer.count {
            if buffer[index] == 0x0A {
                let previous = index - 1
                if previous >= offset && buffer[previous] == 0x0A { return index }
                if previous - 1 >= offset && buffer[previous] == 0x0D && buffer[previous - 1] == 0x0A { return index }
            }
            index += 1
        }
        headBytesScanned = buffer.count - offset
        return nil
    }

    private static func head(from lines: [ArraySlice<UInt8>]) throws(Failure) -> ClientResponseHead {
        guard let statusLine = lines.first else { throw Failure(reason: "no status line") }
        // RFC 9112 §4: HTTP-version SP 3DIGIT SP [reason-phrase]
        let prefix = Array("HTTP/".utf8)
        guard statusLine.count >= 12, statusLine.starts(with: prefix) else {
            throw Failure(reason: "the status line does not start with HTTP/1.x and a code")
        }
        let bytes = Array(statusLine)
        let digit: (UInt8) -> Int? = { $0 >= 0x30 && $0 <= 0x39 ? Int($0 - 0x30) : nil }
        guard let major = digit(bytes[5]), bytes[6] == UInt8(ascii: "."), let minor = digit(bytes[7]), major == 1,
            bytes[8] == 0x20, let hundreds = digit(bytes[9]), let tens = digit(bytes[10]), let units = digit(bytes[11]),
            bytes.count == 12 || bytes[12] == 0x20
        else { throw Failure(reason: "the status line is not \"HTTP/1.x NNN reason\"") }
        let code = hundreds * 100 + tens * 10 + units
        guard code >= 100 else { throw Failure(reason: "status code \(code) is out of range") }
        let reason = bytes.count > 13 ? String(decoding: bytes[13...], as: UTF8.self) : nil
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
                throw Failure(reason: "a header line has no field name and colon")
            }
            let name = line[..<colon]
            // RFC 9112 §5.1: no white space between name and colon; obs-fold lines start with space.
            guard name.allSatisfy(ASCII.isTokenCharacter) else {
                throw Failure(reason: "a header field name holds a character not allowed in a token")
            }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces()
            headers.add(String(decoding: name, as: UTF8.self), String(value))
        }
        return ClientResponseHead(
            version: HTTPVersion(major: major, minor: minor), status: HTTPStatus(code: code, reason: reason),
            headers: headers)
    }

    private static func framing(of head: ClientResponseHead, requestMethod: HTTPMethod) throws(Failure) -> Framing {
        if requestMethod == .head || !head.status.allowsBody { return .none }
        let codings = head.headers.values("Transfer-Encoding")
            .flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces().lowercased() }
        if let last = codings.last {
            return last == "chunked" ? .chunked : .untilClose
        }
        let lengths = head.headers.values("Content-Length").flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces() }
        guard let first = lengths.first else { return .untilClose }
        // RFC 9110 §8.6: a list of identical values may be taken as one; differing ones are an error.
        guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.count <= 18,
            first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let length = Int(first)
        else { throw Failure(reason: "invalid Content-Length \"\(lengths.joined(separator: ","))\"") }
        return .length(length)
    }

    /// Reads a chunk-size line and moves to its data or the trailers; false when more bytes are needed.
    private mutating func parseChunkSize() throws(Failure) -> Bool {
        guard let line = try takeLine(limit: 1024) else { return false }
        // RFC 9112 §7.1: chunk-size [ chunk-ext ]; extensions are ignored.
        let sizeDigits = line.prefix { ASCII.hexValue($0) != nil }
        let rest = line[sizeDigits.endIndex...]
        guard !sizeDigits.isEmpty, sizeDigits.count <= 15,
            rest.isEmpty || rest.first == UInt8(ascii: ";") || rest.first == 0x20 || rest.first == 0x09
        else { throw Failure(reason: "invalid chunk size line") }
        let size = sizeDigits.reduce(0) { $0 << 4 | (ASCII.hexValue($1) ?? 0) }
        state = size == 0 ? .trailers(bytes: 0) : .chunkData(remaining: size)
        return true
    }
}
