/// A response a responder hands back. The server adds `Date`, `Content-Length` and `Connection`.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: HTTPBody

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: HTTPBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPStatus = .ok, contentType: String, body: [UInt8]) {
        self.init(status: status, headers: ["Content-Type": contentType], body: .bytes(body))
    }

    public init(status: HTTPStatus = .ok, contentType: String, body: String) {
        self.init(status: status, contentType: contentType, body: Array(body.utf8))
    }
}

/// A response body: bytes in memory, or a region of a file the server sends without copying.
public enum HTTPBody: Sendable, Equatable {
    case bytes([UInt8])
    /// `length` bytes of the file at `path` from `offset` (served with `sendfile`).
    case file(path: String, offset: Int, length: Int)

    public static let empty = HTTPBody.bytes([])

    public var count: Int {
        switch self {
        case .bytes(let b): b.count
        case .file(_, _, let length): length
        }
    }
}
