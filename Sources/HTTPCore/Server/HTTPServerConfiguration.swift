#if canImport(Glibc)
import Glibc
#endif

/// Every address, limit and timeout of ``HTTPServer``, each with a safe default
/// (in the manner of Go's `http.Server`).
public struct HTTPServerConfiguration: Sendable {
    /// The address to listen on: an IPv4 or IPv6 literal. Loopback by default, so nothing is
    /// exposed until the operator says so (`0.0.0.0` or `::` for every interface).
    public var host: String
    /// The TCP port; 0 picks a free one, readable as ``HTTPServer/port`` after ``HTTPServer/start()``.
    public var port: Int
    /// I/O loop threads, each with its own `SO_REUSEPORT` listener and its own connections.
    public var ioThreads: Int
    /// Threads of the bounded pool that runs responders whose policy is not `inline`; this many
    /// slow handlers (a database write, an outbound call) can block before others wait.
    public var workerThreads: Int
    /// Bytes of request line and header fields together; more is answered 431.
    public var maxHeaderBytes: Int
    /// Header fields in one request; more is answered 431.
    public var maxHeaderCount: Int
    /// Bytes of the request-target; more is answered 414.
    public var maxURIBytes: Int
    /// Time for the whole head of a request, from its first byte (or from accepting the
    /// connection): guards against slowloris clients that trickle header bytes. Closed silently.
    public var headerReadTimeout: Duration
    /// Time a keep-alive connection may sit between requests before it is closed.
    public var idleTimeout: Duration
    /// Time allowed between two reads of a request body (a slow-body client is closed).
    public var bodyReadTimeout: Duration
    /// Time allowed between two writes of a response the client is not reading (then closed).
    public var writeTimeout: Duration
    /// Open connections across all loops; a connection over it is accepted and closed at once.
    public var maxConnections: Int
    /// How long ``HTTPServer/shutdown()`` lets in-flight requests finish before closing them.
    public var shutdownGracePeriod: Duration
    /// Pending connections the kernel queues per listener (`listen` backlog).
    public var listenBacklog: Int

    /// Makes a configuration; every argument has the default documented on its field.
    public init(
        host: String = "127.0.0.1", port: Int = 0, ioThreads: Int = HTTPServerConfiguration.processorCount,
        workerThreads: Int = 32, maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100,
        maxURIBytes: Int = 8 * 1024, headerReadTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(60), bodyReadTimeout: Duration = .seconds(30),
        writeTimeout: Duration = .seconds(30), maxConnections: Int = 50_000,
        shutdownGracePeriod: Duration = .seconds(10), listenBacklog: Int = 1024
    ) {
        self.host = host
        self.port = port
        self.ioThreads = ioThreads
        self.workerThreads = workerThreads
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxURIBytes = maxURIBytes
        self.headerReadTimeout = headerReadTimeout
        self.idleTimeout = idleTimeout
        self.bodyReadTimeout = bodyReadTimeout
        self.writeTimeout = writeTimeout
        self.maxConnections = maxConnections
        self.shutdownGracePeriod = shutdownGracePeriod
        self.listenBacklog = listenBacklog
    }

    /// The number of online processors, at least 1.
    public static var processorCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// The parser limits these fields describe.
    var parserLimits: HTTPParserLimits {
        HTTPParserLimits(maxHeaderBytes: maxHeaderBytes, maxHeaderCount: maxHeaderCount, maxURIBytes: maxURIBytes)
    }

    /// The connection timeouts these fields describe.
    var timeouts: ConnectionStateMachine.Timeouts {
        ConnectionStateMachine.Timeouts(
            header: headerReadTimeout, idle: idleTimeout, bodyRead: bodyReadTimeout, write: writeTimeout)
    }
}
