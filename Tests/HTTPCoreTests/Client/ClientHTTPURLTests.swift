import Testing

@testable import HTTPCore

@Suite struct ClientHTTPURLTests {
    @Test(arguments: [
        ("http://example.com", HTTPURL.Scheme.http, "example.com", 80, "/"),
        ("HTTPS://API.Example.com/v1/items?limit=5#top", .https, "api.example.com", 443, "/v1/items?limit=5"),
        ("http://127.0.0.1:8080?q=1", .http, "127.0.0.1", 8080, "/?q=1"),
        ("https://[::1]:8443/a%20b", .https, "::1", 8443, "/a%20b"),
        ("http://hr.internal:/x", .http, "hr.internal", 80, "/x"),
    ])
    func parsesURL(text: String, scheme: HTTPURL.Scheme, host: String, port: Int, target: String) throws {
        let url = try HTTPURL(text)
        #expect(url.scheme == scheme)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.target == target)
    }

    @Test(arguments: [
        "ftp://example.com/", "example.com/path", "http:/example.com", "http://", "http://exa mple.com/",
        "http://user:secret@example.com/", "http://example.com:0/", "http://example.com:65536/",
        "http://example.com:80a/", "http://[::1/", "http://[example.com]/", "http://ex%41mple.com/",
        "http://exämple.com/", "http://example.com/\r\nHost: evil",
    ])
    func rejectsUnusableURL(text: String) {
        #expect(throws: HTTPURLError.self) { try HTTPURL(text) }
    }

    @Test func explainsWhyUserInformationIsRefused() {
        #expect(throws: HTTPURLError.self) { try HTTPURL("https://bank.example@evil.example/") }
        do {
            _ = try HTTPURL("https://bank.example@evil.example/")
        } catch {
            #expect(error.reason.contains("user information"))
        }
    }

    @Test func writesHostHeaderWithPortOnlyWhenNotDefault() throws {
        #expect(try HTTPURL("https://example.com:443/").hostHeader == "example.com")
        #expect(try HTTPURL("http://example.com:8080/").hostHeader == "example.com:8080")
        #expect(try HTTPURL("http://[::1]:8080/").hostHeader == "[::1]:8080")
        #expect(try HTTPURL("http://[::1]/").description == "http://[::1]/")
    }

    @Test func comparesOriginsBySchemeHostAndPort() throws {
        let base = try HTTPURL("https://api.example.com/a")
        #expect(base.hasSameOrigin(as: try HTTPURL("https://API.example.com:443/b?c")))
        #expect(!base.hasSameOrigin(as: try HTTPURL("http://api.example.com/a")))
        #expect(!base.hasSameOrigin(as: try HTTPURL("https://api.example.com:8443/a")))
        #expect(!base.hasSameOrigin(as: try HTTPURL("https://other.example.com/a")))
    }

    // RFC 3986 §5.4.1 normal examples (base http://a/b/c/d;p?q), those an http client can meet.
    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g/"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q"),
        ("g#s", "http://a/b/c/g"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"),
        ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"),
        ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"), ("g/../h", "http://a/b/c/h"),
        ("https://other.example:8443/x", "https://other.example:8443/x"),
    ])
    func resolvesRelativeReference(reference: String, expected: String) throws {
        let base = try HTTPURL("http://a/b/c/d;p?q")
        #expect(try base.resolving(reference).description == expected)
    }

    @Test func refusesReferenceToAnotherScheme() throws {
        let base = try HTTPURL("http://a/b")
        #expect(throws: HTTPURLError.self) { try base.resolving("file:///etc/passwd") }
        #expect(throws: HTTPURLError.self) { try base.resolving("/a\tb") }
        #expect(throws: HTTPURLError.self) { try base.resolving("http://exämple.com/") }
    }

    @Test func percentEncodesSpacesAndNonASCIIInLocation() throws {
        let base = try HTTPURL("http://a/b")
        #expect(try base.resolving("/café menu?q=ü").target == "/caf%C3%A9%20menu?q=%C3%BC")
    }
}
