/// A complete response to a ``ClientRequest``, body read in full (within the size cap).
public struct ClientResponse: Sendable {
    /// The final status (interim 1xx responses are skipped).
    public var status: HTTPStatus
    /// The version the server answered with.
    public var version: HTTPVersion
    /// The header fields as received, in order; trailer fields of a chunked body are dropped.
    public var headers: HTTPHeaders
    /// The whole body, decoded from chunked framing; no content coding is undone (the client
    /// asks for `identity`).
    public var body: [UInt8]
    /// The URL that answered: the request's, or the last redirect's.
    public var url: HTTPURL
    /// How many redirects were followed to get here.
    public var redirectCount: Int

    /// A response as the client builds it, or as a test double returns it.
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
