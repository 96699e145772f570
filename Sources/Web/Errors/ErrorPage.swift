import HTTPCore

/// What an error page shows: the status, a message safe for the user, and the request id.
public struct ErrorPage: Sendable, Equatable {
    public var status: HTTPStatus
    public var message: String
    public var requestID: String

    public init(status: HTTPStatus, message: String, requestID: String) {
        self.status = status
        self.message = message
        self.requestID = requestID
    }

    init(error: any HTTPResponseError, requestID: String) {
        self.init(status: error.status, message: error.publicMessage, requestID: requestID)
    }

    /// The page for an unexpected failure: no detail, only the id to quote to support.
    static func `internal`(requestID: String) -> ErrorPage {
        ErrorPage(status: .internalServerError, message: "Internal error. Quote request id \(requestID) if you report it.", requestID: requestID)
    }

    /// `{"error":{"status":404,"message":"…","request_id":"…"}}`
    public var json: [UInt8] {
        Array(#"{"error":{"status":\#(status.code),"message":\#(JSONText.quoted(message)),"request_id":\#(JSONText.quoted(requestID))}}"#.utf8)
    }
}

/// Turns an error into a response. Applications render their own pages; JSON for API clients.
public protocol ErrorRenderer: Sendable {
    func render(_ page: ErrorPage, for request: Request) -> HTTPResponse
}

/// A minimal self-contained HTML page, or JSON when the client prefers it.
public struct PlainErrorRenderer: ErrorRenderer {
    public init() {}

    public func render(_ page: ErrorPage, for request: Request) -> HTTPResponse {
        if request.prefersJSON { return .json(page.json, status: page.status) }
        let title = HTMLText.escape("\(page.status.code) \(page.status.reason)")
        let html = """
            <!doctype html><html lang="en"><meta charset="utf-8"><title>\(title)</title>
            <body><h1>\(title)</h1><p>\(HTMLText.escape(page.message))</p><p><small>Request \(HTMLText.escape(page.requestID))</small></p></body></html>
            """
        return .html(html, status: page.status)
    }
}
