/// A push parser for HTTP/1.1 and HTTP/1.0 requests (RFC 9112), fed bytes in any split.
///
/// The caller keeps the bytes it has not been told were consumed and passes them again, followed
/// by whatever arrived since; nothing is copied while a head is incomplete (the parser remembers
/// how far it already scanned). Each call returns at most one event and how many bytes it used:
///
///     var parser = HTTPParser()
///     var pending: [UInt8] = []          // bytes received and not yet consumed
///     pending += received
///     while true {
///         let (event, consumed) = try pending.withUnsafeBytes { try parser.parse($0) }
///         // .head: ask for the route's policy, then `try parser.limitBody(to:)`
///         // .body(range): bytes of `pending[range]` belong to the body
///         // .end: the request is complete; the next call starts the next request
///         pending.removeFirst(consumed)
///         if event == nil { break }      // more bytes needed
///     }
///
/// The parser stops after the head so the server can ask the responder for the body limit before
/// accepting any body. Every defence is an ``HTTPParserError`` with the status to answer; after
/// one is thrown the parser must not be used again (close the connection).
public struct HTTPParser: Sendable {
    /// What a call to ``parse(_:)`` found.
    public enum Event: Sendable {
        /// The request head is complete.
        case head(HTTPRequestHead)
        /// Body bytes, as a range of the buffer passed to ``parse(_:)``.
        case body(Range<Int>)
        /// The request is complete; the parser is ready for the next one on the connection.
        case end
    }

    /// How the body of the current request is delimited (RFC 9112 §6.3).
    public enum BodyFraming: Sendable, Equatable {
        /// Exactly this many bytes (zero when the request has neither Content-Length nor Transfer-Encoding).
        case length(Int)
        /// Chunked transfer coding, length unknown until the last chunk.
        case chunked
    }

    enum State: Sendable {
        case head(scanned: Int, lineStart: Int, lineCount: Int)
        case fixedBody(remaining: Int)
        case chunkSize(value: Int, digits: Int)
        case chunkExtension(size: Int, length: Int)
        case chunkSizeLineFeed(size: Int)
        case chunkData(remaining: Int)
        case chunkDataCarriageReturn
        case chunkDataLineFeed
        case trailerLineStart
        case trailerLine
        case trailerLineFeed
        case finalLineFeed
    }

    /// The limits the parser enforces.
    public let limits: HTTPParserLimits
    /// How the current request's body is delimited; meaningful once its head was returned.
    public internal(set) var framing: BodyFraming = .length(0)

    var state = State.head(scanned: 0, lineStart: 0, lineCount: 0)
    var maxBodyBytes: Int
    /// Body bytes of the current request returned so far, or announced by chunk sizes.
    var bodyBytes = 0
    /// Bytes of the current message consumed before the buffer being parsed (error offsets).
    var messageOffset = 0
    var trailerBytes = 0

    /// Makes a parser ready for the first request of a connection.
    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
        maxBodyBytes = limits.defaultMaxBodyBytes
    }

    /// Sets the body limit of the current request (its route's ``RequestPolicy/maxBodyBytes``).
    ///
    /// Call it after the head and before the body; throws `contentTooLarge` at once when the
    /// declared Content-Length is over the limit, so the body is never read.
    public mutating func limitBody(to maxBytes: Int) throws(HTTPParserError) {
        maxBodyBytes = maxBytes
        if case .length(let length) = framing, length > maxBytes {
            throw HTTPParserError(.contentTooLarge, offset: messageOffset)
        }
    }

    /// Parses from the start of `bytes` (the unconsumed bytes of the connection, oldest first).
    ///
    /// Returns the next event, or nil when more bytes are needed, and how many leading bytes the
    /// caller may drop. A head is consumed only as a whole, with the event that carries it.
    public mutating func parse(_ bytes: UnsafeRawBufferPointer) throws(HTTPParserError) -> (
        event: Event?, consumed: Int
    ) {
        switch state {
        case .head(let scanned, let lineStart, let lineCount):
            return try parseHead(bytes, scanned: scanned, lineStart: lineStart, lineCount: lineCount)
        case .fixedBody(let remaining):
            if remaining == 0 {
                resetForNextMessage()
                return (.end, 0)
            }
            if bodyBytes + remaining > maxBodyBytes {
                throw HTTPParserError(.contentTooLarge, offset: messageOffset)
            }
            let count = min(remaining, bytes.count)
            guard count > 0 else { return (nil, 0) }
            state = .fixedBody(remaining: remaining - count)
            bodyBytes += count
            messageOffset += count
            return (.body(0..<count), count)
        default:
            return try parseChunked(bytes)
        }
    }

    mutating func resetForNextMessage() {
        state = .head(scanned: 0, lineStart: 0, lineCount: 0)
        framing = .length(0)
        maxBodyBytes = limits.defaultMaxBodyBytes
        bodyBytes = 0
        messageOffset = 0
        trailerBytes = 0
    }
}
