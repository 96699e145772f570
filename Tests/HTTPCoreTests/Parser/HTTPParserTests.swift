import Testing

@testable import HTTPCore

@Suite struct HTTPParserTests {
    static let post = Array("POST /items?page=2 HTTP/1.1\r\nHost: example.com\r\nContent-Length: 11\r\nX-Tag:  a b \r\n\r\nhello world".utf8)
    static let chunked = Array(
        "POST /upload HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nChecksum: x\r\n\r\n".utf8)

    @Test func parsesARequestWithAContentLengthBody() throws {
        let requests = try ParserDriver.parse([Self.post])
        let request = try #require(requests.first)
        #expect(request.head.method == .post)
        #expect(request.head.target == "/items?page=2")
        #expect(request.head.path == "/items")
        #expect(request.head.version == .http11)
        #expect(request.head.headers["host"] == "example.com")
        #expect(request.head.headers["X-Tag"] == "a b")
        #expect(request.body == Array("hello world".utf8))
        #expect(request.complete)
    }

    @Test func parsesAChunkedBodyDroppingExtensionsAndTrailers() throws {
        let requests = try ParserDriver.parse([Self.chunked])
        let request = try #require(requests.first)
        #expect(request.body == Array("hello world".utf8))
        #expect(request.complete)
        #expect(!request.head.headers.contains("Checksum"))
    }

    @Test(arguments: [post, chunked])
    func parsesTheSameWhenFedByteByByte(message: [UInt8]) throws {
        let whole = try ParserDriver.parse([message])
        let byByte = try ParserDriver.parse(message.map { [$0] })
        #expect(byByte.count == 1)
        #expect(byByte.first?.body == whole.first?.body)
        #expect(byByte.first?.head.headers == whole.first?.head.headers)
        #expect(byByte.first?.complete == true)
    }

    @Test(arguments: [post, chunked])
    func parsesTheSameWhenSplitAtEveryBoundary(message: [UInt8]) throws {
        for split in 1..<message.count {
            let requests = try ParserDriver.parse([Array(message[..<split]), Array(message[split...])])
            #expect(requests.count == 1, "split at \(split)")
            #expect(requests.first?.body == Array("hello world".utf8), "split at \(split)")
            #expect(requests.first?.complete == true, "split at \(split)")
        }
    }

    @Test func parsesPipelinedRequestsInOrder() throws {
        let message = "GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nokGET /c HTTP/1.1\r\nHost: h\r\n\r\n"
        let requests = try ParserDriver.parse([Array(message.utf8)])
        #expect(requests.map(\.head.target) == ["/a", "/b", "/c"])
        #expect(requests.map(\.complete) == [true, true, true])
        #expect(requests[1].body == Array("ok".utf8))
    }

    @Test func stopsAfterTheHeadUntilCalledAgain() throws {
        var parser = HTTPParser()
        let bytes = Self.post
        let (event, consumed) = try parser.parse(bytes: bytes)
        guard case .head = event else {
            Issue.record("expected the head first")
            return
        }
        #expect(consumed == bytes.count - 11)
        #expect(parser.framing == .length(11))
    }

    @Test func acceptsHTTP10WithoutHost() throws {
        let requests = try ParserDriver.parse([Array("GET / HTTP/1.0\r\n\r\n".utf8)])
        #expect(requests.first?.head.version == .http10)
    }

    @Test func ignoresEmptyLinesBeforeTheRequestLine() throws {
        let requests = try ParserDriver.parse([Array("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8)])
        #expect(requests.first?.head.target == "/")
    }

    @Test func turnsAnAbsoluteFormTargetIntoOriginFormAndHost() throws {
        let requests = try ParserDriver.parse([Array("GET http://example.com:8080/a?b=c HTTP/1.1\r\nHost: other\r\n\r\n".utf8)])
        let head = try #require(requests.first?.head)
        #expect(head.target == "/a?b=c")
        #expect(head.headers.values("Host") == ["example.com:8080"])
    }

    @Test func acceptsAnAsteriskTargetForOptions() throws {
        let requests = try ParserDriver.parse([Array("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n".utf8)])
        #expect(requests.first?.head.target == "*")
    }

    @Test func acceptsIdenticalRepeatedContentLengths() throws {
        let message = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok"
        #expect(try ParserDriver.parse([Array(message.utf8)]).first?.body == Array("ok".utf8))
    }

    @Test func refusesADeclaredBodyOverTheRoutesLimitBeforeReadingIt() throws {
        var parser = HTTPParser()
        let bytes = Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n".utf8)
        _ = try parser.parse(bytes: bytes)
        #expect(throws: HTTPParserError(.contentTooLarge, offset: bytes.count)) {
            try parser.limitBody(to: 99)
        }
    }

    @Test func countsAChunkedBodyAgainstTheLimitAsItStreams() {
        let message = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n4\r\nefgh\r\n0\r\n\r\n"
        #expect(throws: HTTPParserError.self) { try ParserDriver.parse([Array(message.utf8)], bodyLimit: 6) }
        #expect(throws: Never.self) { try ParserDriver.parse([Array(message.utf8)], bodyLimit: 8) }
        do {
            _ = try ParserDriver.parse([Array(message.utf8)], bodyLimit: 6)
        } catch {
            #expect(error.kind == .contentTooLarge)
        }
    }

    @Test func reportsWhereAnErrorWasFound() {
        do {
            _ = try ParserDriver.parse([Array("GET / HTTP/1.1\r\nHost : h\r\n\r\n".utf8)])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .whitespaceBeforeColon)
            #expect(error.offset == 20)
        }
    }

    @Test func answersAnOversizedHeadWith431EvenWhenIncomplete() {
        let limits = HTTPParserLimits(maxHeaderBytes: 64)
        let head = "GET / HTTP/1.1\r\nHost: h\r\nX-Long: " + String(repeating: "a", count: 100)
        #expect(ParserDriver.status(of: head, limits: limits) == 431)
    }

    @Test func answersAnOverlongTargetWith414EvenWhenIncomplete() {
        let limits = HTTPParserLimits(maxURIBytes: 32)
        #expect(ParserDriver.status(of: "GET /" + String(repeating: "a", count: 200), limits: limits) == 414)
        #expect(ParserDriver.status(of: "GET /" + String(repeating: "a", count: 40) + " HTTP/1.1\r\nHost: h\r\n\r\n", limits: limits) == 414)
    }

    @Test func answersTooManyHeadersWith431() {
        let limits = HTTPParserLimits(maxHeaderCount: 3)
        let fields = (0..<4).map { "X-\($0): v\r\n" }.joined()
        #expect(ParserDriver.status(of: "GET / HTTP/1.1\r\nHost: h\r\n" + fields + "\r\n", limits: limits) == 431)
        #expect(ParserDriver.status(of: "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n", limits: limits) == nil)
    }
}
