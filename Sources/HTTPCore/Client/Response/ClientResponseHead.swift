/// A response's status line and header fields (RFC 9112 §4, §5).
struct ClientResponseHead: Sendable, Equatable {
    var version: HTTPVersion
    var status: HTTPStatus
    var headers: HTTPHeaders

    init(version: HTTPVersion, status: HTTPStatus, headers: HTTPHeaders) {
        self.version = version
        self.status = status
        self.headers = headers
    }

    /// Whether the server lets the connection be reused after this response (RFC 9112 §9.3):
    /// HTTP/1.1 unless `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    var allowsKeepAlive: Bool {
        if headers.hasToken("close", in: "Connection") { return false }
        return version == .http11 || headers.hasToken("keep-alive", in: "Connection")
    }
}
