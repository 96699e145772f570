import HTTPCore

/// Ready-made responses for handlers.
extension HTTPResponse {
    /// An HTML page (UTF-8).
    public static func html(_ body: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: body)
    }

    public static func html(_ body: String, status: HTTPStatus = .ok) -> HTTPResponse {
        html(Array(body.utf8), status: status)
    }

    /// Plain text (UTF-8).
    public static func text(_ body: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: body)
    }

    /// JSON bytes the caller already encoded.
    public static func json(_ body: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", body: body)
    }

    /// A redirect to a path of this site; 303 so a form post is followed by a GET (POST/redirect/GET).
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Location": location], body: .empty)
    }

    /// Adds a `Set-Cookie` field.
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }
}
