import Testing

@testable import HTTPCore

@Suite struct HTTPResponseWriterTests {
    static let date = Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8)

    func head(
        _ response: HTTPResponse, method: HTTPMethod = .get, version: HTTPVersion = .http11, closing: Bool = false
    ) -> (text: String, sendsBody: Bool) {
        var writer = HTTPResponseWriter()
        let sendsBody = writer.writeHead(response, method: method, version: version, closing: closing, date: Self.date)
        return (String(decoding: writer.head, as: UTF8.self), sendsBody)
    }

    @Test func writesStatusDateHeadersAndLength() {
        let (text, sendsBody) = head(HTTPResponse(contentType: "text/plain", body: "Hello, world!"))
        #expect(text == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\n")
        #expect(sendsBody)
    }

    @Test func replacesTheRespondersFramingFields() {
        let response = HTTPResponse(
            headers: ["Content-Length": "999", "transfer-encoding": "chunked", "Connection": "upgrade", "Date": "yesterday", "X-A": "b"],
            body: .bytes(Array("abc".utf8)))
        let (text, _) = head(response)
        #expect(text == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nX-A: b\r\nContent-Length: 3\r\n\r\n")
    }

    @Test func answersHeadWithTheGetLengthAndNoBody() {
        let (text, sendsBody) = head(HTTPResponse(contentType: "text/plain", body: "Hello"), method: .head)
        #expect(text.contains("Content-Length: 5\r\n"))
        #expect(!sendsBody)
    }

    @Test(arguments: [100, 204, 304])
    func sendsNoBodyNorLengthFor(status: Int) {
        let (text, sendsBody) = head(HTTPResponse(status: HTTPStatus(code: status), body: .bytes([1, 2, 3])))
        #expect(!text.contains("Content-Length"))
        #expect(!sendsBody)
    }

    @Test func saysCloseWhenClosingAndKeepAliveToAnHTTP10ClientThatStays() {
        #expect(head(HTTPResponse(), closing: true).text.contains("Connection: close\r\n"))
        #expect(head(HTTPResponse(), version: .http10).text.contains("Connection: keep-alive\r\n"))
        #expect(!head(HTTPResponse()).text.contains("Connection"))
    }

    @Test func cannotBeMadeToSplitAResponse() {
        let response = HTTPResponse(headers: ["X-A": "a\r\nSet-Cookie: evil=1", "Bad Name": "x"], body: .empty)
        let (text, _) = head(response)
        #expect(text.contains("X-A: a  Set-Cookie: evil=1\r\n"))
        #expect(!text.contains("Bad Name"))
    }

    @Test func formatsTheDateAsIMFFixdate() {
        #expect(HTTPDateCache.format(784_111_777) == Self.date)
        #expect(String(decoding: HTTPDateCache.format(1_798_761_600), as: UTF8.self) == "Fri, 01 Jan 2027 00:00:00 GMT")
    }

    @Test func reformatsTheDateOnlyWhenTheSecondChanges() {
        var cache = HTTPDateCache()
        #expect(cache.value(at: 784_111_777) == Self.date)
        #expect(String(decoding: cache.value(at: 784_111_778), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:38 GMT")
    }
}
