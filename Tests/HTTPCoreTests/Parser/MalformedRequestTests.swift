import Testing

@testable import HTTPCore

/// A request the parser must refuse, and the status it must be refused with.
struct MalformedRequest: CustomTestStringConvertible, Sendable {
    let name: String
    let message: String
    let status: Int
    var testDescription: String { name }

    /// Every malformed and smuggling-shaped request of the corpus (RFC 9112 §6.3, §11.2).
    static let corpus: [MalformedRequest] = [
        MalformedRequest(name: "Content-Length with Transfer-Encoding", message: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "two different Content-Lengths", message: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", status: 400),
        MalformedRequest(name: "Content-Length list that disagrees", message: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 6\r\n\r\nhello!", status: 400),
        MalformedRequest(name: "signed Content-Length", message: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +5\r\n\r\nhello", status: 400),
        MalformedRequest(name: "negative Content-Length", message: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", status: 400),
        MalformedRequest(name: "hexadecimal Content-Length", message: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0x5\r\n\r\nhello", status: 400),
        MalformedRequest(name: "overflowing Content-Length", message: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n", status: 400),
        MalformedRequest(name: "empty Content-Length", message: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \r\n\r\n", status: 400),
        MalformedRequest(name: "Transfer-Encoding gzip", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", status: 501),
        MalformedRequest(name: "Transfer-Encoding chunked, identity", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n", status: 501),
        MalformedRequest(name: "Transfer-Encoding gzip, chunked", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", status: 501),
        MalformedRequest(name: "Transfer-Encoding chunked twice", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "Transfer-Encoding chunked with obs-fold", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "Transfer-Encoding in HTTP/1.0", message: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "obs-fold in a header", message: "GET / HTTP/1.1\r\nHost: h\r\nX-A: one\r\n\ttwo\r\n\r\n", status: 400),
        MalformedRequest(name: "space before colon", message: "GET / HTTP/1.1\r\nHost: h\r\nContent-Length : 0\r\n\r\n", status: 400),
        MalformedRequest(name: "tab before colon", message: "GET / HTTP/1.1\r\nHost: h\r\nX-A\t: 0\r\n\r\n", status: 400),
        MalformedRequest(name: "invalid header name", message: "GET / HTTP/1.1\r\nHost: h\r\nX(A): 0\r\n\r\n", status: 400),
        MalformedRequest(name: "header without colon", message: "GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", status: 400),
        MalformedRequest(name: "empty header name", message: "GET / HTTP/1.1\r\nHost: h\r\n: value\r\n\r\n", status: 400),
        MalformedRequest(name: "NUL in header value", message: "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{0}b\r\n\r\n", status: 400),
        MalformedRequest(name: "NUL in header name", message: "GET / HTTP/1.1\r\nHost: h\r\nX\u{0}A: b\r\n\r\n", status: 400),
        MalformedRequest(name: "control character in header value", message: "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{1}b\r\n\r\n", status: 400),
        MalformedRequest(name: "bare CR in header value", message: "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\rb\r\n\r\n", status: 400),
        MalformedRequest(name: "bare CR in request line", message: "GET /\r HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        MalformedRequest(name: "bare LF line endings", message: "GET / HTTP/1.1\nHost: h\n\n", status: 400),
        MalformedRequest(name: "bare LF ending the head", message: "GET / HTTP/1.1\r\nHost: h\r\n\n", status: 400),
        MalformedRequest(name: "HTTP/2.0", message: "GET / HTTP/2.0\r\nHost: h\r\n\r\n", status: 505),
        MalformedRequest(name: "HTTP/3", message: "GET / HTTP/3\r\nHost: h\r\n\r\n", status: 505),
        MalformedRequest(name: "HTTP/0.9", message: "GET / HTTP/0.9\r\nHost: h\r\n\r\n", status: 505),
        MalformedRequest(name: "lowercase http version", message: "GET / http/1.1\r\nHost: h\r\n\r\n", status: 400),
        MalformedRequest(name: "garbage version", message: "GET / HTTX/1.1\r\nHost: h\r\n\r\n", status: 400),
        MalformedRequest(name: "missing version", message: "GET /\r\nHost: h\r\n\r\n", status: 400),
        MalformedRequest(name: "two spaces in request line", message: "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        MalformedRequest(name: "extra word in request line", message: "GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n", status: 400),
        MalformedRequest(name: "invalid method", message: "G(T / HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        MalformedRequest(name: "relative target", message: "GET index.html HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        MalformedRequest(name: "asterisk for GET", message: "GET * HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        MalformedRequest(name: "non-ASCII target", message: "GET /caf\u{e9} HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        MalformedRequest(name: "missing Host in HTTP/1.1", message: "GET / HTTP/1.1\r\n\r\n", status: 400),
        MalformedRequest(name: "two Host fields", message: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
        MalformedRequest(name: "non-hex chunk size", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "empty chunk size", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\r\nhello\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "chunk size overflow", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "signed chunk size", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "chunk data longer than its size", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "bare LF after chunk size", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "bare LF in chunk extension", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;a\nb\r\nhello\r\n0\r\n\r\n", status: 400),
        MalformedRequest(name: "NUL in trailer", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: a\u{0}\r\n\r\n", status: 400),
        MalformedRequest(name: "obs-fold in trailer", message: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: a\r\n b\r\n\r\n", status: 400),
        MalformedRequest(name: "over-long URI", message: "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: h\r\n\r\n", status: 414),
        MalformedRequest(name: "too many headers", message: "GET / HTTP/1.1\r\nHost: h\r\n" + String(repeating: "X-A: b\r\n", count: 101) + "\r\n", status: 431),
        MalformedRequest(name: "oversized head", message: "GET / HTTP/1.1\r\nHost: h\r\nX-A: " + String(repeating: "b", count: 17000) + "\r\n\r\n", status: 431),
    ]
}

@Suite struct MalformedRequestTests {
    @Test(arguments: MalformedRequest.corpus)
    func refusesWithItsStatus(request: MalformedRequest) {
        #expect(ParserDriver.status(of: request.message) == request.status)
    }

    @Test(arguments: MalformedRequest.corpus)
    func refusesTheSameWhenFedByteByByte(request: MalformedRequest) {
        var driver = ParserDriver()
        var status: Int?
        for byte in request.message.utf8 {
            do {
                try driver.feed([byte])
            } catch {
                status = error.status.code
                break
            }
        }
        #expect(status == request.status)
    }
}
