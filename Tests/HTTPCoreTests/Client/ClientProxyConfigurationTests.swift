import Testing

@testable import HTTPCore

/// Reading the proxy URL and the no-proxy list, and the request bytes sent to a proxy.
struct ClientProxyConfigurationTests {
    @Test func readsHostPortAndBasicCredentials() throws {
        let proxy = try ProxyConfiguration(url: "http://user:secret@Proxy.Corp:3128/")
        #expect(proxy.host == "proxy.corp")
        #expect(proxy.port == 3128)
        // RFC 7617: base64 of "user:secret".
        #expect(proxy.authorization == "Basic dXNlcjpzZWNyZXQ=")
        #expect(proxy.description == "http://user:***@proxy.corp:3128")
    }

    @Test func decodesPercentEscapesInCredentials() throws {
        let proxy = try ProxyConfiguration(url: "http://us%40er:p%3Ass@proxy.corp:3128")
        // base64 of "us@er:p:ss".
        #expect(proxy.authorization == "Basic dXNAZXI6cDpzcw==")
    }

    @Test func defaultsToPortEightyWithoutCredentials() throws {
        let proxy = try ProxyConfiguration(url: "http://proxy.corp")
        #expect(proxy.port == 80)
        #expect(proxy.authorization == nil)
    }

    @Test(arguments: [
        ("https://proxy.corp:3128", "a proxy reached over TLS (https://) is not supported; use http://host:port"),
        ("proxy.corp:3128", "it must start with http://, as in http://proxy.example.com:3128"),
        ("http://proxy.corp:3128/path", "a proxy URL has no path or query, only http://host:port"),
        ("http://proxy.corp:99999", "the port must be a number from 1 to 65535"),
        ("http://:3128", "the host is empty"),
    ])
    func rejectsUnusableProxyURL(text: String, reason: String) {
        #expect(throws: ProxyConfigurationError(text: text, reason: reason)) { try ProxyConfiguration(url: text) }
    }

    @Test func neverShowsThePasswordInAnError() {
        #expect(throws: ProxyConfigurationError(text: "http://user:***@proxy.corp:0", reason: "the port must be a number from 1 to 65535"))
        {
            try ProxyConfiguration(url: "http://user:hunter2@proxy.corp:0")
        }
    }

    @Test(arguments: [
        ("example.com", "example.com", true),
        ("example.com", "api.example.com", true),
        (".example.com", "example.com", true),
        (".example.com", "api.example.com", true),
        ("example.com", "badexample.com", false),
        ("Example.COM", "api.example.com", true),
        ("10.0.0.0/8", "10.1.2.3", true),
        ("10.0.0.0/8", "11.1.2.3", false),
        ("10.0.0.0/8", "ten.example", false),
        ("[::1]", "::1", true),
        ("*", "api.example.com", true),
        ("", "api.example.com", false),
        (" localhost , .internal ", "hr.internal", true),
    ])
    func noProxyListMatchesLikeCurl(list: String, host: String, matches: Bool) throws {
        #expect(try NoProxyList(list).matches(host: host) == matches)
    }

    @Test(arguments: ["exa mple.com", "10.0.0.0/99", "http://example.com"])
    func rejectsUnreadableNoProxyEntry(entry: String) {
        #expect(throws: ProxyConfigurationError.self) { try NoProxyList(entry) }
    }

    @Test func sendsAbsoluteFormWithProxyCredentialsToTheProxy() throws {
        let client = try HTTPClient()
        let proxy = try ProxyConfiguration(url: "http://user:secret@proxy.corp:3128")
        var request = try ClientRequest(url: "http://api.example.com:8080/items?page=2")
        request.headers["Proxy-Authorization"] = "Basic forged"
        let text = String(decoding: try client.requestBytes(request, forwardingThrough: proxy), as: UTF8.self)
        #expect(text.hasPrefix("GET http://api.example.com:8080/items?page=2 HTTP/1.1\r\nHost: api.example.com:8080\r\n"))
        #expect(text.components(separatedBy: "Proxy-Authorization").count == 2)
        #expect(text.contains("Proxy-Authorization: Basic dXNlcjpzZWNyZXQ=\r\n"))
    }
}
