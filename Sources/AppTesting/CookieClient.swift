import Foundation
import HTTPCore
import Synchronization
import Web

/// An in-process client that keeps cookies like a browser and fills in the CSRF token of the
/// last page it saw, so tests read as a person's clicks: get a page, post its form.
///
///     let ann = CookieClient(app)
///     ann.get("/sign-up")
///     let response = ann.submit("/sign-up", ["company": "Acme", ...])
public final class CookieClient: Sendable {
    public let client: TestClient
    /// Cookies by name; guarded by the mutex.
    private let jar = Mutex<[String: String]>([:])
    private let lastCSRF = Mutex<String?>(nil)
    public let remoteAddress: String

    public init(_ responder: any HTTPResponder, remoteAddress: String = "192.0.2.10") {
        client = TestClient(responder)
        self.remoteAddress = remoteAddress
    }

    public var cookies: [String: String] { jar.withLock { $0 } }

    /// Sends a request with the jar's cookies and stores the cookies the response sets.
    @discardableResult
    public func send(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) -> TestResponse {
        var headers = headers
        let cookieHeader = jar.withLock { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookieHeader.isEmpty { headers["Cookie"] = cookieHeader }
        let response = client.send(method, target, headers: headers, body: body, remoteAddress: remoteAddress)
        for field in response.headers.values("Set-Cookie") { store(field) }
        if let token = Self.csrfToken(in: response.text) { lastCSRF.withLock { $0 = token } }
        return response
    }

    @discardableResult
    public func get(_ target: String, headers: HTTPHeaders = HTTPHeaders()) -> TestResponse {
        send(.get, target, headers: headers)
    }

    /// Posts a form as a browser would, with the CSRF token of the last page seen.
    @discardableResult
    public func submit(_ target: String, _ fields: [(String, String)], headers: HTTPHeaders = HTTPHeaders()) -> TestResponse {
        var fields = fields
        if let token = lastCSRF.withLock({ $0 }), !fields.contains(where: { $0.0 == "_csrf" }) { fields.append(("_csrf", token)) }
        var headers = headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return send(.post, target, headers: headers, body: Array(URLEncodedForm.encode(fields).utf8))
    }

    /// Follows a redirect response with a GET, as a browser does after a form post.
    @discardableResult
    public func follow(_ response: TestResponse) -> TestResponse {
        guard (300..<400).contains(response.status.code), let location = response.headers["Location"] else { return response }
        return get(location)
    }

    public func forgetCookie(_ name: String) { jar.withLock { _ = $0.removeValue(forKey: name) } }

    private func store(_ setCookie: String) {
        let attributes = setCookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = attributes.first, let eq = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<eq])
        let value = String(pair[pair.index(after: eq)...])
        let expired = attributes.contains { $0.lowercased() == "max-age=0" } || value.isEmpty
        jar.withLock { if expired { $0.removeValue(forKey: name) } else { $0[name] = value } }
    }

    /// The value of the first `name="_csrf"` hidden field of a page.
    public static func csrfToken(in html: String) -> String? {
        guard let field = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[field.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
