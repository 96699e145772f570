import Testing

@testable import HTTPCore

@Suite struct ClientResponseParserTests {
    /// Feeds `pieces` one after another, then the end of input when `close` is set, collecting
    /// the head and the body until the end event.
    private func parse(
        _ pieces: [String], method: HTTPMethod = .get, close: Bool = false, maxHeadBytes: Int = 64 << 10
    ) throws(ClientResponseParser.Failure) -> (head: ClientResponseHead?, body: String, ended: Bool, parser: ClientResponseParser) {
        var parser = ClientResponseParser(requestMethod: method, maxHeadBytes: maxHeadBytes)
        var head: ClientResponseHead? = nil
        var body: [UInt8] = []
        var ended = false
        func drain() throws(ClientResponseParser.Failure) {
            while !ended, let event = try parser.next() {
                switch event {
                case .head(let parsed): head = parsed
                case .body(let piece): body += piece
                case .end: ended = true
                }
            }
        }
        for piece in pieces {
            parser.append(Array(piece.utf8))
            try drain()
        }
        if close {
            parser.finishInput()
            try drain()
        }
        return (head, String(decoding: body, as: UTF8.self), ended, parser)
    }

    @Test func readsContentLengthBody() throws {
        let result = try parse(["HTTP/1.1 201 Created\r\nContent-Length: 5\r\nX-Id: 7\r\n\r\nhello"])
        let head = try #require(result.head)
        #expect(head.status.code == 201)
        #expect(head.status.reason == "Created")
        #expect(head.headers["x-id"] == "7")
        #expect(result.body == "hello")
        #expect(result.ended)
        #expect(!result.parser.hasBytesBeyondResponse)
    }

    @Test func readsResponseFedOneByteAtATime() throws {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\n"
        let result = try parse(text.map { String($0) })
        #expect(result.body == "Wikipedia")
        #expect(result.ended)
        #expect(result.parser.framing == .chunked)
    }

    @Test func readsCloseDelimitedBodyUntilEndOfInput() throws {
        let open = try parse(["HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nsome ", "text"])
        #expect(!open.ended)
        let closed = try parse(["HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nsome ", "text"], close: true)
        #expect(closed.body == "some text")
        #expect(closed.ended)
        #expect(closed.parser.framing == .untilClose)
    }

    @Test func treatsUnknownTransferCodingAsCloseDelimited() throws {
        let result = try parse(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\nContent-Length: 2\r\n\r\nabcdef"], close: true)
        #expect(result.body == "abcdef")
    }

    @Test(arguments: [(HTTPMethod.head, "200 OK"), (.get, "204 No Content"), (.get, "304 Not Modified")])
    func expectsNoBodyWhereNoneIsAllowed(method: HTTPMethod, status: String) throws {
        let result = try parse(["HTTP/1.1 \(status)\r\nContent-Length: 10\r\n\r\n"], method: method)
        #expect(result.ended)
        #expect(result.body.isEmpty)
    }

    @Test func skipsInterimResponses() throws {
        let result = try parse([
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
        ])
        #expect(result.head?.status.code == 200)
        #expect(result.body == "ok")
    }

    @Test func acceptsBareLineFeedsAndKeepsHTTP10Version() throws {
        let result = try parse(["HTTP/1.0 200 OK\nContent-Length: 2\n\nok"])
        #expect(result.head?.version == .http10)
        #expect(result.head?.allowsKeepAlive == false)
        #expect(result.body == "ok")
    }

    @Test func noticesBytesBeyondTheResponse() throws {
        let result = try parse(["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA"])
        #expect(result.body == "ok")
        #expect(result.parser.hasBytesBeyondResponse)
    }

    @Test(arguments: [
        ["HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\n"],
        ["HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"],
        ["HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n"],
        ["HTTP/2 200 OK\r\n\r\n"],
        ["HTTP/1.1 2000 OK\r\n\r\n"],
        ["SSH-2.0-OpenSSH_9.2\r\n\r\n"],
        ["HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n"],
        ["HTTP/1.1 200 OK\r\n folded: x\r\n\r\n"],
        ["HTTP/1.1 101 Switching Protocols\r\n\r\n"],
        ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"],
        ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n"],
    ])
    func rejectsMalformedResponse(pieces: [String]) {
        #expect(throws: ClientResponseParser.Failure.self) { try parse(pieces, close: true) }
    }

    @Test func rejectsTruncatedBodyAtEndOfInput() {
        #expect(throws: ClientResponseParser.Failure(reason: "the connection closed before 3 more body bytes")) {
            try parse(["HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhe"], close: true)
        }
    }

    @Test func rejectsHeadLargerThanTheLimit() {
        let bigHeader = "X-Big: " + String(repeating: "a", count: 2000) + "\r\n"
        #expect(throws: ClientResponseParser.Failure.self) {
            try parse(["HTTP/1.1 200 OK\r\n", bigHeader, bigHeader], maxHeadBytes: 1024)
        }
    }

    @Test func parsesManyTrailerLinesWithoutRecursion() throws {
        let trailers = String(repeating: "T: v\r\n", count: 5000)
        let result = try parse(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + trailers + "\r\n"])
        #expect(result.ended)
    }
}
