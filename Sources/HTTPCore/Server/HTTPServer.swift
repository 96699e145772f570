import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on non-blocking sockets: a few epoll I/O loops (one per core, each with
/// its own `SO_REUSEPORT` listener) and a bounded pool of worker threads for responders.
///
///     let server = try HTTPServer(
///         configuration: HTTPServerConfiguration(host: "0.0.0.0", port: 8080),
///         responder: MyResponder(), logger: Logger())
///     try server.start()                 // binds, listens and returns
///     server.shutdownOnSignals()         // SIGTERM / SIGINT: graceful shutdown
///     server.waitUntilStopped()          // returns once shut down; exit 0
///
/// Requests are answered in order per connection (pipelining included), keep-alive by default
/// for HTTP/1.1; every limit and timeout is a field of ``HTTPServerConfiguration``. A malformed
/// request gets its 4xx/5xx answer, a log line and a closed connection; nothing a client sends
/// can stop the process.
public final class HTTPServer: Sendable {
    /// The configuration the server was made with.
    public let configuration: HTTPServerConfiguration
    let context: ServerContext

    struct State {
        var started = false
        var shutdownRequested = false
        var port = 0
        var loops: [EventLoop] = []
        var signalSources: [any DispatchSourceSignal] = []
    }

    /// Guards `State`.
    let state = Mutex(State())
    /// Entered once per I/O loop thread, left when it ends.
    private let loopsRunning = DispatchGroup()

    /// Makes a server; nothing is bound until ``start()``.
    ///
    /// Throws ``HTTPServerError/invalidConfiguration(field:reason:)`` for a limit out of range.
    public init(
        configuration: HTTPServerConfiguration, responder: any HTTPResponder, logger: Logger = Logger()
    ) throws(HTTPServerError) {
        try Self.validate(configuration)
        self.configuration = configuration
        context = ServerContext(configuration: configuration, responder: responder, logger: logger)
    }

    /// The port listened on: the configured one, or the one the kernel chose for port 0.
    public var port: Int { state.withLock { $0.port } }

    /// Binds, listens and starts the I/O loops and workers, then returns.
    ///
    /// Also raises the soft `RLIMIT_NOFILE` to the hard limit (every connection is a
    /// descriptor) and ignores `SIGPIPE` (a write to a closed peer is an error, not a signal).
    public func start() throws(HTTPServerError) {
        try state.withLock { state throws(HTTPServerError) in
            guard !state.started else { throw .alreadyStarted }
            state.started = true
            signal(SIGPIPE, SIG_IGN)
            Self.raiseDescriptorLimit()
            var listeners: [Int32] = []
            var loops: [EventLoop] = []
            do throws(HTTPServerError) {
                var port = configuration.port
                for _ in 0..<configuration.ioThreads {
                    let listener = try Socket.listen(host: configuration.host, port: port, backlog: configuration.listenBacklog)
                    listeners.append(listener)
                    if port == 0 {
                        do throws(SystemError) { port = try Socket.boundPort(listener) } catch { throw .system(error) }
                    }
                }
                for listener in listeners {
                    do throws(SystemError) {
                        loops.append(try EventLoop(context: context, listener: listener))
                    } catch {
                        throw .system(error)
                    }
                }
                state.port = port
            } catch {
                for listener in listeners.dropFirst(loops.count) { close(listener) }
                loops.removeAll()
                state.started = false
                throw error
            }
            state.loops = loops
            context.pool.start()
            context.runningLoops.store(loops.count, ordering: .releasing)
            for (index, loop) in loops.enumerated() {
                loopsRunning.enter()
                let thread = Thread { [loopsRunning] in
                    loop.run()
                    loopsRunning.leave()
                }
                thread.name = "http-io-\(index)"
                thread.start()
            }
            if state.shutdownRequested {
                for loop in loops { loop.requestShutdown() }
            }
        }
        context.logger.info("listening", ["host": configuration.host, "port": String(port)])
    }

    /// Starts a graceful shutdown and returns at once: listeners close (new connections are
    /// refused), idle connections close, in-flight requests get up to `shutdownGracePeriod` to
    /// finish, then everything left is closed. ``waitUntilStopped()`` returns when it is done.
    public func shutdown() {
        let loops = state.withLock { state in
            state.shutdownRequested = true
            return state.loops
        }
        for loop in loops { loop.requestShutdown() }
    }

    /// Blocks until every I/O loop has ended after ``shutdown()`` (at once if never started).
    public func waitUntilStopped() {
        loopsRunning.wait()
    }

    /// Starts, then blocks until shut down: the whole life of a server executable.
    public func run() throws(HTTPServerError) {
        try start()
        waitUntilStopped()
    }

    private static func validate(_ configuration: HTTPServerConfiguration) throws(HTTPServerError) {
        func require(_ condition: Bool, _ field: String, _ reason: String) throws(HTTPServerError) {
            if !condition { throw .invalidConfiguration(field: field, reason: reason) }
        }
        try require((0...65535).contains(configuration.port), "port", "must be 0...65535")
        try require(configuration.ioThreads >= 1, "ioThreads", "must be at least 1")
        try require(configuration.workerThreads >= 1, "workerThreads", "must be at least 1")
        try require(configuration.maxHeaderBytes >= 256, "maxHeaderBytes", "must be at least 256")
        try require(configuration.maxHeaderCount >= 1, "maxHeaderCount", "must be at least 1")
        try require(configuration.maxURIBytes >= 16, "maxURIBytes", "must be at least 16")
        try require(configuration.maxConnections >= 1, "maxConnections", "must be at least 1")
        try require(configuration.listenBacklog >= 1, "listenBacklog", "must be at least 1")
        for (name, value) in [
            ("headerReadTimeout", configuration.headerReadTimeout), ("idleTimeout", configuration.idleTimeout),
            ("bodyReadTimeout", configuration.bodyReadTimeout), ("writeTimeout", configuration.writeTimeout),
        ] {
            try require(value > .zero, name, "must be positive")
        }
        try require(configuration.shutdownGracePeriod >= .zero, "shutdownGracePeriod", "must not be negative")
    }

    /// Raises the soft descriptor limit to the hard one; a failure only leaves the limit lower.
    private static func raiseDescriptorLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
