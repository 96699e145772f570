import Testing

@testable import HTTPCore

/// The bytes the client writes for a request, and the rules for the request after a redirect.
@Suite struct ClientRequestBytesTests {
    private let client: HTTPClient

    init() throws {
        client = try HTTPClient()
    }

    private func text(_ request: ClientRequest) throws -> String {
        String(decoding: try client.requestBytes(request), as: UTF8.self)
    }

    @Test func writesRequestLineHostAndDefaults() throws {
        let request = try ClientRequest(url: "https://api.example.com/v1/items?page=2", headers: ["Accept": "application/json"])
        #expect(
            try text(request)
                == "GET /v1/items?page=2 HTTP/1.1\r\nHost: api.example.com\r\nAccept: application/json\r\n"
                + "User-Agent: Switchboard\r\nAccept-Encoding: identity\r\n\r\n")
    }

    @Test func framesBodyWithContentLengthAndReplacesClientOwnedFields() throws {
        let request = try ClientRequest(
            method: .put, url: "http://api.example.com:8080/x",
            headers: [
                "Host": "evil.example", "Content-Length": "1", "Transfer-Encoding": "chunked", "Connection": "close",
                "User-Agent": "custom/1",
            ],
            body: Array("abc".utf8))
        #expect(
            try text(request)
                == "PUT /x HTTP/1.1\r\nHost: api.example.com:8080\r\nUser-Agent: custom/1\r\nAccept-Encoding: identity\r\n"
                + "Content-Length: 3\r\n\r\nabc")
    }

    @Test func sendsZeroContentLengthForEmptyPost() throws {
        #expect(try text(ClientRequest(method: .post, url: "http://a.example/")).contains("\r\nContent-Length: 0\r\n"))
        #expect(!(try text(ClientRequest(method: .delete, url: "http://a.example/")).contains("Content-Length")))
    }

    @Test(arguments: [
        (HTTPMethod(rawValue: "GET /x"), HTTPHeaders()), (HTTPMethod(rawValue: ""), HTTPHeaders()),
        (.get, HTTPHeaders([("Bad Name", "x")])), (.get, HTTPHeaders([("X-Nul", "a\u{0}b")])),
        (.get, HTTPHeaders([("X-Line", "a\nb")])),
    ])
    func refusesRequestThatCannotBeWrittenSafely(method: HTTPMethod, headers: HTTPHeaders) throws {
        let request = try ClientRequest(method: method, url: "http://a.example/", headers: headers)
        #expect(throws: HTTPClientError.self) { try client.requestBytes(request) }
    }

    private func response(_ code: Int, location: String, url: String) throws -> ClientResponse {
        ClientResponse(status: HTTPStatus(code: code), headers: ["Location": location], url: try HTTPURL(url))
    }

    @Test func keepsHeadMethodOnFoundRedirect() throws {
        let request = try ClientRequest(method: .head, url: "http://a.example/x", followRedirects: 1)
        let next = try #require(try client.redirect(after: response(302, location: "/y", url: "http://a.example/x"), of: request))
        #expect(next.method == .head)
        #expect(next.url.description == "http://a.example/y")
    }

    @Test func dropsCredentialsOnDowngradeToPlainHTTP() throws {
        let request = try ClientRequest(
            url: "https://a.example/x", headers: ["Authorization": "Bearer t", "Proxy-Authorization": "p", "X-Trace": "1"],
            followRedirects: 1)
        let next = try #require(
            try client.redirect(after: response(308, location: "http://a.example/x", url: "https://a.example/x"), of: request))
        #expect(next.headers["Authorization"] == nil)
        #expect(next.headers["Proxy-Authorization"] == nil)
        #expect(next.headers["X-Trace"] == "1")
    }

    @Test func ignoresRedirectStatusWithoutLocation() throws {
        let request = try ClientRequest(url: "http://a.example/x", followRedirects: 1)
        let plain = ClientResponse(status: HTTPStatus(code: 301), url: try HTTPURL("http://a.example/x"))
        #expect(try client.redirect(after: plain, of: request) == nil)
        #expect(try client.redirect(after: response(304, location: "/y", url: "http://a.example/x"), of: request) == nil)
    }

    @Test func reportsUnusableLocation() throws {
        let request = try ClientRequest(url: "http://a.example/x", followRedirects: 1)
        #expect(throws: HTTPClientError.self) {
            try client.redirect(after: response(302, location: "gopher://a.example/", url: "http://a.example/x"), of: request)
        }
    }
}
