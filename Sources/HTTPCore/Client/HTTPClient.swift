import Glibc

/// Sends HTTP/1.1 requests over TCP and TLS, blocking the calling thread, within the egress
/// policy, timeouts and size cap of its ``HTTPClientConfiguration``.
///
/// Safe to share between threads: one client per process keeps one pool of keep-alive
/// connections. Call it from worker threads (it blocks in `poll`), never from Swift's
/// cooperative pool.
///
///     let client = try HTTPClient(configuration: HTTPClientConfiguration(
///         egressPolicy: try EgressPolicy(allowList: "10.0.0.0/8")))
///     let response = try client.send(ClientRequest(url: "https://api.example.com/v1/items"))
///     response.status.code  // 200
public final class HTTPClient: Sendable {
    /// The limits, trust and egress rules this client was created with.
    public let configuration: HTTPClientConfiguration
    private let tlsContext: ClientTLSContext
    private let resolver: ClientAddressResolver
    let pool: ClientConnectionPool<ClientConnection>

    /// A client with its own connection pool; fails when the CA file cannot be loaded.
    public convenience init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) throws(HTTPClientError) {
        try self.init(configuration: configuration, resolver: .system)
    }

    /// A client with its own name resolution (tests answer with chosen addresses).
    init(configuration: HTTPClientConfiguration, resolver: ClientAddressResolver) throws(HTTPClientError) {
        self.configuration = configuration
        self.resolver = resolver
        tlsContext = try ClientTLSContext(certificateAuthorityFile: configuration.certificateAuthorityFile)
        pool = ClientConnectionPool(
            maxIdlePerKey: configuration.maxIdleConnectionsPerHost, idleTimeout: configuration.idleConnectionTimeout)
        // A write to a socket the peer closed raises SIGPIPE, which would kill the process;
        // plain sends pass MSG_NOSIGNAL, but OpenSSL writes with write(2).
        signal(SIGPIPE, SIG_IGN)
    }

    /// Sends the request and reads the whole response, following redirects when the request
    /// asks (``ClientRequest/followRedirects``). Any status is a response; failures to get one
    /// are ``HTTPClientError``s.
    public func send(_ request: ClientRequest) throws(HTTPClientError) -> ClientResponse {
        let timer = ClientTimer(configuration: configuration)
        let redirectLimit = min(max(request.followRedirects, 0), ClientRequest.redirectLimit)
        var current = request
        var redirectCount = 0
        while true {
            var response = try exchangeRetryingStaleConnection(current, timer: timer)
            response.redirectCount = redirectCount
            guard request.followRedirects > 0, let next = try redirect(after: response, of: current) else {
                return response
            }
            guard redirectCount < redirectLimit else {
                throw .tooManyRedirects(limit: redirectLimit, lastLocation: next.url.description)
            }
            redirectCount += 1
            current = next
        }
    }

    /// Closes every idle keep-alive connection (open ones close when their exchange ends).
    public func closeIdleConnections() {
        pool.closeAll()
    }

    /// One request-response on a pooled connection when there is one, else a new connection.
    /// A reused connection that fails before any response byte (the server closed it while
    /// idle) is retried once on a new one for idempotent methods (RFC 9110 §9.2.2).
    private func exchangeRetryingStaleConnection(_ request: ClientRequest, timer: ClientTimer) throws(HTTPClientError) -> ClientResponse {
        // Each hop of a redirect decides for its own host whether the proxy is used.
        let proxy = configuration.proxy.flatMap { $0.isUsed(for: request.url) ? $0 : nil }
        // Checked before any connection is made: a request that cannot be sent costs no socket.
        // https goes through a tunnel, so only http is sent to the proxy itself.
        let bytes = try requestBytes(request, forwardingThrough: request.url.scheme == .http ? proxy : nil)
        let key = ClientPoolKey(request.url, proxied: proxy != nil)
        if let pooled = pool.checkOut(key, now: .now()) {
            do throws(HTTPClientError) {
                return try exchange(request, bytes: bytes, on: pooled, timer: timer)
            } catch {
                pooled.close()
                guard case .connectionLost = error, pooled.bytesReceivedInExchange == 0, request.method.isIdempotent else {
                    throw error
                }
            }
        }
        let connection = try ClientConnection.open(
            to: request.url, through: proxy, resolver: resolver, policy: configuration.egressPolicy, tlsContext: tlsContext, timer: timer)
        do throws(HTTPClientError) {
            return try exchange(request, bytes: bytes, on: connection, timer: timer)
        } catch {
            connection.close()
            throw error
        }
    }
}

extension HTTPMethod {
    /// Methods a client may repeat without changing the outcome (RFC 9110 §9.2.2).
    var isIdempotent: Bool { isSafe || self == .put || self == .delete || self == HTTPMethod(rawValue: "TRACE") }
}
