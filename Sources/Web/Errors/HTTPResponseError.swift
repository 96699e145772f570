import HTTPCore

/// An error that knows the HTTP status it ends in and a message safe to show the user.
///
/// The error middleware renders it as a page (or JSON for clients that ask for JSON); anything
/// else thrown by a handler becomes "Internal error" with the request id, its detail logged only.
public protocol HTTPResponseError: Error {
    var status: HTTPStatus { get }
    /// Text for the person who made the request; never internal detail.
    var publicMessage: String { get }
    /// Extra response headers (`Allow` on a 405, `Retry-After` on a 429).
    var headers: HTTPHeaders { get }
}

extension HTTPResponseError {
    public var headers: HTTPHeaders { HTTPHeaders() }
}

/// A plain HTTP error: a status and an optional message.
public struct HTTPError: HTTPResponseError, Equatable, CustomStringConvertible {
    public var status: HTTPStatus
    public var publicMessage: String
    public var headers: HTTPHeaders

    public init(_ status: HTTPStatus, _ message: String? = nil, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.publicMessage = message ?? HTTPError.defaultMessage(for: status)
        self.headers = headers
    }

    public var description: String { "HTTPError(\(status.code): \(publicMessage))" }

    static func defaultMessage(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: "The request could not be understood."
        case 403: "You do not have permission to do that."
        case 404: "There is nothing here."
        case 405: "That method is not allowed here."
        case 413: "What you sent is too large."
        case 415: "That content type is not supported here."
        default: status.reason
        }
    }
}
