/// The limits, timeouts, trust, egress rules and proxy of an ``HTTPClient``, fixed when it is created.
///
/// Modelled on Go's `http.Transport` fields: every limit is a named field with a default that
/// suits calling third-party APIs.
public struct HTTPClientConfiguration: Sendable {
    /// The longest wait for the host name's addresses (`getaddrinfo`), and then for a TCP
    /// connection to each address (a non-blocking connect polled), as Go's `Dialer.Timeout`.
    public var connectTimeout: Duration = .seconds(10)
    /// The longest wait for the next bytes from the server (or for room to send more): applies to
    /// each read and write separately, so a slow but steady server is not cut off by it.
    public var readTimeout: Duration = .seconds(30)
    /// The longest the whole ``HTTPClient/send(_:)`` may take: name resolution, connections, TLS
    /// handshakes, reading and redirects included.
    public var exchangeTimeout: Duration = .seconds(60)
    /// The most response body bytes read; a larger body fails with "response too large".
    /// A request may lower or raise it for itself (``ClientRequest/maxResponseBodyBytes``).
    public var maxResponseBodyBytes: Int = 10 << 20
    /// The most bytes of status line and header fields accepted.
    public var maxResponseHeadBytes: Int = 64 << 10
    /// How many idle keep-alive connections are kept per scheme, host and port; extra ones close.
    /// Connections in use are not capped: each calling thread gets one.
    public var maxIdleConnectionsPerHost: Int = 4
    /// How long an idle keep-alive connection is kept before it is closed instead of reused.
    public var idleConnectionTimeout: Duration = .seconds(30)
    /// A PEM file of extra certificate authorities trusted besides the system store, for
    /// internal APIs with their own CA.
    public var certificateAuthorityFile: String? = nil
    /// Which addresses may be reached; by default only public ones.
    public var egressPolicy: EgressPolicy = EgressPolicy()
    /// The forward proxy outbound requests go through, or nil to connect directly.
    public var proxy: ProxyConfiguration? = nil
    /// The `User-Agent` sent when the request has none (many APIs refuse requests without one).
    public var userAgent: String = "Switchboard"

    /// The defaults, adjusted with named fields: `HTTPClientConfiguration(readTimeout: .seconds(5))`.
    public init(
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(30),
        exchangeTimeout: Duration = .seconds(60), maxResponseBodyBytes: Int = 10 << 20,
        certificateAuthorityFile: String? = nil, egressPolicy: EgressPolicy = EgressPolicy(),
        proxy: ProxyConfiguration? = nil
    ) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.exchangeTimeout = exchangeTimeout
        self.maxResponseBodyBytes = maxResponseBodyBytes
        self.certificateAuthorityFile = certificateAuthorityFile
        self.egressPolicy = egressPolicy
        self.proxy = proxy
    }
}
