import HTTPCore
import Testing
@testable import Web

@Suite struct FormTests {
    @Test func parsesURLEncodedFieldsInOrderWithRepeats() throws {
        let fields = try URLEncodedForm.parse("name=Ann+Lee&row=1&row=2&empty=&flag&sym=%26%3D%E2%9C%93")
        #expect(fields["name"] == "Ann Lee")
        #expect(fields.values("row") == ["1", "2"])
        #expect(fields["empty"] == "")
        #expect(fields["flag"] == "")
        #expect(fields["sym"] == "&=✓")
    }

    @Test func keepsRawTextEqualsSignsAndATrailingEscape() throws {
        // Browsers leave non-ASCII raw in some encodings; `=` after the first belongs to the value.
        let fields = try URLEncodedForm.parse("café=crème+brûlée&expr=a%3Db=c&end=%21&&tail%20name=%E2%9C%93")
        #expect(fields["café"] == "crème brûlée")
        #expect(fields["expr"] == "a=b=c")
        #expect(fields["end"] == "!")
        #expect(fields["tail name"] == "✓")
        #expect(throws: HTTPError.self) { try URLEncodedForm.parse("a=%4") }
    }

    @Test func malformedEscapeIsABadRequest() {
        #expect(throws: HTTPError.self) { try URLEncodedForm.parse("a=%G1") }
        #expect(throws: HTTPError.self) { try URLEncodedForm.parse("a=%FF%FE") }
    }

    @Test func aFormReadOnceTravelsWithTheRequest() throws {
        var request = Request(
            http: HTTPRequest(
                method: .post, target: "/", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Array("a=1&b=2".utf8)))
        #expect(try request.readForm()["a"] == "1")
        // The fields are kept: a handler after the middleware that read them does not parse the body again.
        request.http.body = Array("a=changed".utf8)
        #expect(try request.form()["b"] == "2")
    }

    @Test func encodeRoundTrips() throws {
        let original = [("q", "a b&c=d/é"), ("x", "")]
        let parsed = try URLEncodedForm.parse(URLEncodedForm.encode(original))
        #expect(parsed == FormFields(original))
    }

    @Test func requestReadsFormAndQuery() throws {
        let request = Request(http: HTTPRequest(
            method: .post, target: "/x?page=2&q=a%20b", headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
            body: Array("email=a%40b.test".utf8)))
        #expect(try request.form()["email"] == "a@b.test")
        #expect(request.query["page"] == "2")
        #expect(request.query["q"] == "a b")
    }

    @Test func otherContentTypesAreUnsupported() {
        let request = Request(http: HTTPRequest(method: .post, target: "/", headers: ["Content-Type": "application/json"], body: Array("{}".utf8)))
        #expect(throws: HTTPError(.unsupportedMediaType, "Send this form as application/x-www-form-urlencoded or multipart/form-data.")) {
            try request.form()
        }
    }

    @Test func parsesCookies() {
        let request = Request(http: HTTPRequest(method: .get, target: "/", headers: ["Cookie": "a=1; sid=\"xyz\"; a=2;bad; b=="]))
        #expect(request.cookies == ["a": "1", "sid": "xyz", "b": "="])
    }

    @Test func setCookieCarriesEveryAttribute() {
        let cookie = SetCookie(name: "sid", value: "abc", path: "/", domain: "example.test", maxAge: 3600, secure: true, httpOnly: true, sameSite: .strict)
        #expect(cookie.headerValue == "sid=abc; Path=/; Domain=example.test; Max-Age=3600; Secure; HttpOnly; SameSite=Strict")
        #expect(SetCookie.expired("sid").headerValue == "sid=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax")
    }

    @Test func prefersJSONOnlyWhenAskedFirst() {
        func prefers(_ accept: String) -> Bool {
            Request(http: HTTPRequest(method: .get, target: "/", headers: ["Accept": accept])).prefersJSON
        }
        #expect(prefers("application/json"))
        #expect(!prefers("text/html,application/xhtml+xml,application/json;q=0.9"))
        #expect(!prefers("*/*"))
    }
}
