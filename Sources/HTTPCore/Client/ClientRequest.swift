/// An outbound request: method, absolute URL, header fields, body, and how to treat redirects.
///
/// `Host`, `Content-Length`, `Transfer-Encoding` and `Connection` are the client's to set; any
/// given here are replaced. `Accept-Encoding: identity` and the configured `User-Agent` are
/// added unless the request names its own.
public struct ClientRequest: Sendable {
    /// The method; any token is sent as given.
    public var method: HTTPMethod
    /// Where the request goes; its host is resolved and checked by the egress policy.
    public var url: HTTPURL
    /// Header fields sent in order after `Host`; values must not hold CR, LF or NUL.
    public var headers: HTTPHeaders
    /// The body, sent with `Content-Length` (never chunked).
    public var body: [UInt8]
    /// How many redirects to follow (0, the default, returns the 3xx response itself); at most 5.
    public var followRedirects: Int
    /// Header names besides `Authorization`, `Proxy-Authorization` and `Cookie` that carry
    /// credentials (an API key header): dropped when a redirect leaves the origin.
    public var credentialHeaderNames: [String]
    /// This request's own body cap instead of the configuration's, or nil.
    public var maxResponseBodyBytes: Int?

    /// The most redirects a request may follow.
    public static let redirectLimit = 5

    /// A request to a parsed URL.
    public init(
        method: HTTPMethod = .get, url: HTTPURL, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
        followRedirects: Int = 0, credentialHeaderNames: [String] = [], maxResponseBodyBytes: Int? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.followRedirects = followRedirects
        self.credentialHeaderNames = credentialHeaderNames
        self.maxResponseBodyBytes = maxResponseBodyBytes
    }

    /// A request to a URL given as text; an unusable URL is an ``HTTPClientError/invalidURL(_:)``.
    public init(
        method: HTTPMethod = .get, url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
        followRedirects: Int = 0
    ) throws(HTTPClientError) {
        let parsed: HTTPURL
        do { parsed = try HTTPURL(url) } catch { throw .invalidURL(error) }
        self.init(method: method, url: parsed, headers: headers, body: body, followRedirects: followRedirects)
    }
}
