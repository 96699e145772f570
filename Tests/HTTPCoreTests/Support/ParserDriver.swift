@testable import HTTPCore

/// A request as the parser reported it: head, body bytes, whether its end was seen.
struct ParsedRequest {
    var head: HTTPRequestHead
    var body: [UInt8] = []
    var complete = false
}

/// Feeds chunks to a parser the way the server does: unconsumed bytes are kept and passed
/// again with the next chunk.
struct ParserDriver {
    var parser: HTTPParser
    var pending: [UInt8] = []
    var requests: [ParsedRequest] = []
    /// Body limit applied after each head, as the server applies a route's policy.
    var bodyLimit: Int?

    init(limits: HTTPParserLimits = HTTPParserLimits(), bodyLimit: Int? = nil) {
        parser = HTTPParser(limits: limits)
        self.bodyLimit = bodyLimit
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) throws(HTTPParserError) {
        pending.append(contentsOf: bytes)
        while true {
            let (event, consumed) = try parser.parse(bytes: pending)
            switch event {
            case .head(let head)?:
                requests.append(ParsedRequest(head: head))
                if let bodyLimit { try parser.limitBody(to: bodyLimit) }
            case .body(let range)?:
                requests[requests.count - 1].body.append(contentsOf: pending[range])
            case .end?:
                requests[requests.count - 1].complete = true
            case nil:
                break
            }
            pending.removeFirst(consumed)
            if event == nil { return }
        }
    }

    /// Parses `message` delivered in the given pieces.
    static func parse(
        _ pieces: [[UInt8]], limits: HTTPParserLimits = HTTPParserLimits(), bodyLimit: Int? = nil
    ) throws(HTTPParserError) -> [ParsedRequest] {
        var driver = ParserDriver(limits: limits, bodyLimit: bodyLimit)
        for piece in pieces { try driver.feed(piece) }
        return driver.requests
    }

    /// The parse outcome: the requests, or the error's status.
    static func status(of message: String, limits: HTTPParserLimits = HTTPParserLimits()) -> Int? {
        do {
            _ = try parse([Array(message.utf8)], limits: limits)
            return nil
        } catch {
            return error.status.code
        }
    }
}

extension HTTPParser {
    /// Parses from an array (the tests' stand-in for the server's read buffer).
    mutating func parse(bytes: [UInt8]) throws(HTTPParserError) -> (event: Event?, consumed: Int) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(HTTPParserError) in try parse(raw) }
        }
        return try result.get()
    }
}
