/// A complete response to a ``ClientRequest``, body read in full (within the size cap).
public struct ClientResponse: Sendable {
    public var status: HTTPStatus
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The URL that answered: the request's, or the last redirect's.
    public var url: HTTPURL
    /// How many redirects were followed to get here.
    public var redirectCount: Int

    public init(
        status: HTTPStatus, version: HTTPVersion = .http11, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
        url: HTTPURL, redirectCount: Int = 0
    ) {
        self.status = status
        self.version = version
        self.headers = headers
        self.body = body
        self.url = url
        self.redirectCount = redirectCount
    }

    /// The body decoded as UTF-8 (invalid sequences replaced), for text and JSON.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
