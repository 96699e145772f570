/// The keep-alive, timeout and close decisions of one connection, as a pure state machine.
///
/// It sees events (bytes arrived, head read, response sent, clock ticked) and returns actions;
/// it does no I/O and reads no clock, so tests drive it with a fake one (Hummingbird's
/// connection state handler).
struct ConnectionStateMachine {
    /// The four timeouts of ``HTTPServerConfiguration``.
    struct Timeouts: Equatable {
        var header: Duration
        var idle: Duration
        var bodyRead: Duration
        var write: Duration
    }

    enum State: Equatable {
        /// Waiting for the first byte of a request (`firstRequest`: the connection is new).
        case idle(firstRequest: Bool)
        case readingHead
        case readingBody
        /// The request is complete and its response not yet queued.
        case processing
        /// The response is queued and the socket would not take all of it.
        case writing
        /// A refused request was answered; the write side is shut and input is drained for a
        /// moment, so the client reads the error instead of a reset (nginx's lingering close).
        case lingering
        case closed
    }

    /// Why a connection is closed; the log says it.
    enum CloseReason: String, Equatable {
        case headerTimeout = "header-timeout"
        case idleTimeout = "idle-timeout"
        case bodyTimeout = "body-timeout"
        case writeTimeout = "write-timeout"
        case notPersistent = "not-persistent"
        case peerClosed = "peer-closed"
        case rejected
        case ioError = "io-error"
        case shutdown
    }

    enum Action: Equatable {
        case none
        /// Shut the write side and drain input until the client closes or the deadline passes.
        case lingerThenClose
        case close(CloseReason)
    }

    /// How long a refused connection is drained before it is closed anyway.
    static let lingerTime = Duration.seconds(2)

    let timeouts: Timeouts
    private(set) var state: State
    /// When the current wait expires, or nil when nothing is awaited from the client.
    private(set) var deadline: MonotonicTime?
    /// Whether the current request allows the connection to stay open after its response.
    private(set) var keepAlive = true
    private(set) var draining = false
    private var peerClosedInput = false
    private var rejecting = false

    init(timeouts: Timeouts, now: MonotonicTime) {
        self.timeouts = timeouts
        state = .idle(firstRequest: true)
        // A new connection must send its whole first head within the header timeout.
        deadline = now + timeouts.header
    }

    /// Whether the connection reads and parses input now (not while a response is pending, so
    /// pipelined requests are answered in order).
    var acceptsInput: Bool {
        switch state {
        case .idle, .readingHead, .readingBody: true
        case .processing, .writing, .lingering, .closed: false
        }
    }

    /// Whether the response being prepared must say `Connection: close`.
    var willClose: Bool { !keepAlive || draining || peerClosedInput }

    /// Bytes of a request arrived: an idle connection starts its header timer.
    mutating func receivedBytes(now: MonotonicTime) {
        switch state {
        case .idle(let firstRequest):
            state = .readingHead
            if !firstRequest { deadline = now + timeouts.header }
        case .readingBody:
            deadline = now + timeouts.bodyRead
        default:
            break
        }
    }

    /// The head is complete. RFC 9112 §9.3: 1.1 persists unless `close`; 1.0 only with `keep-alive`.
    mutating func receivedHead(version: HTTPVersion, headers: HTTPHeaders, now: MonotonicTime) {
        if version == .http11 {
            keepAlive = !headers.hasToken("close", in: "Connection")
        } else {
            keepAlive = version == .http10 && headers.hasToken("keep-alive", in: "Connection")
                && !headers.hasToken("close", in: "Connection")
        }
        state = .readingBody
        deadline = now + timeouts.bodyRead
    }

    /// The request is complete; no timeout runs while the responder works.
    mutating func receivedRequest() {
        state = .processing
        deadline = nil
    }

    /// The response was handed to the socket; `completely` when nothing is left to write.
    mutating func queuedResponse(completely: Bool, now: MonotonicTime) -> Action {
        guard completely else {
            state = .writing
            deadline = now + timeouts.write
            return .none
        }
        return finishResponse(now: now)
    }

    /// Some queued output was written: the write timeout restarts.
    mutating func wroteBytes(now: MonotonicTime) {
        if state == .writing { deadline = now + timeouts.write }
    }

    /// All queued output was written.
    mutating func drainedOutput(now: MonotonicTime) -> Action {
        guard state == .writing else { return .none }
        return finishResponse(now: now)
    }

    /// The request was refused: its error response is the last one on the connection.
    mutating func rejected() {
        rejecting = true
        keepAlive = false
        state = .processing
        deadline = nil
    }

    private mutating func finishResponse(now: MonotonicTime) -> Action {
        if rejecting && !peerClosedInput {
            state = .lingering
            deadline = now + Self.lingerTime
            return .lingerThenClose
        }
        if draining { return close(.shutdown) }
        if peerClosedInput { return close(.peerClosed) }
        if !keepAlive { return close(.notPersistent) }
        state = .idle(firstRequest: false)
        deadline = now + timeouts.idle
        return .none
    }

    /// The client closed its sending side: close now unless a response is owed.
    mutating func peerClosed() -> Action {
        peerClosedInput = true
        switch state {
        case .processing, .writing, .closed: return .none
        case .lingering: return close(.rejected)
        case .idle, .readingHead, .readingBody: return close(.peerClosed)
        }
    }

    /// The server is shutting down: idle connections close now, others after their response.
    mutating func beginShutdown() -> Action {
        draining = true
        switch state {
        case .idle, .lingering: return close(.shutdown)
        default: return .none
        }
    }

    /// Checks the deadline against the clock.
    mutating func checkDeadline(now: MonotonicTime) -> Action {
        guard let deadline, deadline <= now else { return .none }
        switch state {
        case .idle(let firstRequest): return close(firstRequest ? .headerTimeout : .idleTimeout)
        case .readingHead: return close(.headerTimeout)
        case .readingBody: return close(.bodyTimeout)
        case .writing: return close(.writeTimeout)
        case .lingering: return close(.rejected)
        case .processing, .closed: return .none
        }
    }

    /// The server closes the connection for its own reason (a malformed request, an I/O error).
    mutating func closed() {
        state = .closed
        deadline = nil
    }

    private mutating func close(_ reason: CloseReason) -> Action {
        closed()
        return .close(reason)
    }
}
