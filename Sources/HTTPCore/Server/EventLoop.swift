import CLinux
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One I/O thread: an epoll instance, its own `SO_REUSEPORT` listener and the connections it
/// accepted, read and written with non-blocking calls and edge-triggered readiness.
///
/// Everything but the mailbox is touched only by the loop's thread (hence `@unchecked
/// Sendable`); workers and ``HTTPServer/shutdown()`` reach the loop through ``post(_:)`` and
/// ``requestShutdown()``, which wake it through an eventfd, at most once per batch.
final class EventLoop: @unchecked Sendable {
    /// A worker's answer to a job: the response is written, or partly written.
    struct Completion: Sendable {
        let connectionID: UInt64
        let descriptor: Int32
        let outcome: ResponseSender.Outcome
    }

    private struct Mailbox {
        var completions: [Completion] = []
        var wakePending = false
        var shutdownRequested = false
        /// The loop ended: workers close their connection themselves.
        var stopped = false
    }

    let context: ServerContext
    private let epoll: Int32
    private let wake: Int32
    /// Guards the mailbox and the eventfd's life (it is written only under this lock).
    private let mailbox = Mutex(Mailbox())

    // Loop thread only.
    private var listener: Int32
    var connections: [Connection?] = []
    private var openCount = 0
    private var nextID: UInt64 = 0
    let scratch: UnsafeMutableRawBufferPointer
    var sender: ResponseSender
    private let events: UnsafeMutablePointer<epoll_event>
    private static let eventCapacity = 256
    private var shutdownDeadline: MonotonicTime?
    private var acceptPausedUntil: MonotonicTime?
    private var nextScan = MonotonicTime(nanoseconds: 0)
    private let scanInterval: Duration
    private var completionBatch: [Completion] = []

    init(context: ServerContext, listener: Int32) throws(SystemError) {
        self.context = context
        self.listener = listener
        epoll = try systemCall("epoll_create1") { epoll_create1(Int32(EPOLL_CLOEXEC)) }
        do throws(SystemError) {
            wake = try systemCall("eventfd") { eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC)) }
        } catch {
            Glibc.close(epoll)
            throw error
        }
        let configuration = context.configuration
        // The read buffer is the loop's, not the connection's: idle connections cost no buffer.
        scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: max(64 * 1024, 2 * configuration.maxHeaderBytes + 4096), alignment: 16)
        events = .allocate(capacity: Self.eventCapacity)
        sender = ResponseSender(logger: context.logger)
        let shortest = [
            configuration.headerReadTimeout, configuration.idleTimeout, configuration.bodyReadTimeout,
            configuration.writeTimeout,
        ].min() ?? .seconds(1)
        scanInterval = min(max(shortest / 4, .milliseconds(10)), .milliseconds(250))
        do throws(SystemError) {
            try register(wake, events: EPOLLIN.rawValue)
            try register(listener, events: EPOLLIN.rawValue)
        } catch {
            Glibc.close(wake)
            Glibc.close(epoll)
            throw error
        }
    }

    deinit {
        scratch.deallocate()
        events.deallocate()
    }

    // MARK: Cross-thread entry points

    /// Hands a worker's completion to the loop; if the loop has ended, cleans up here.
    func post(_ completion: Completion) {
        let loopEnded = mailbox.withLock { box in
            if box.stopped { return true }
            box.completions.append(completion)
            wakeLocked(&box)
            return false
        }
        guard loopEnded else { return }
        if case .partial(var queue) = completion.outcome { queue.discard() }
        Glibc.close(completion.descriptor)
        context.connectionCount.subtract(1, ordering: .relaxed)
    }

    /// Asks the loop to stop accepting and to close its connections gracefully.
    func requestShutdown() {
        mailbox.withLock { box in
            box.shutdownRequested = true
            wakeLocked(&box)
        }
    }

    private func wakeLocked(_ box: inout Mailbox) {
        guard !box.wakePending, !box.stopped else { return }
        box.wakePending = true
        var one: UInt64 = 1
        _ = write(wake, &one, 8)
    }

    // MARK: The loop

    /// Runs until shutdown has closed every connection or the grace period ran out.
    func run() {
        var now = MonotonicTime.now()
        while true {
            let timeout = Int32(clamping: waitTimeout(now: now).totalMilliseconds)
            let count = epoll_wait(epoll, events, Int32(Self.eventCapacity), timeout)
            now = MonotonicTime.now()
            if count < 0 && errno != EINTR {
                context.logger.error("epoll_wait failed", ["errno": String(errno)])
                break
            }
            for index in 0..<max(0, Int(count)) {
                let event = events[index]
                let descriptor = event.data.fd
                if descriptor == wake {
                    readMailbox(now: now)
                } else if descriptor == listener {
                    acceptConnections(now: now)
                } else {
                    handle(event.events, on: descriptor, now: now)
                }
            }
            if now >= nextScan {
                nextScan = now + scanInterval
                scanDeadlines(now: now)
                if let pause = acceptPausedUntil, now >= pause { resumeAccepting() }
            }
            if let deadline = shutdownDeadline, openCount == 0 || now >= deadline { break }
        }
        finish()
    }

    private func waitTimeout(now: MonotonicTime) -> Duration {
        if let deadline = shutdownDeadline, deadline < now + scanInterval {
            return .nanoseconds(max(0, deadline.nanoseconds - now.nanoseconds))
        }
        return scanInterval
    }

    private func readMailbox(now: MonotonicTime) {
        var value: UInt64 = 0
        _ = read(wake, &value, 8)
        var shutdownRequested = false
        mailbox.withLock { box in
            swap(&box.completions, &completionBatch)
            box.wakePending = false
            shutdownRequested = box.shutdownRequested
        }
        for completion in completionBatch { handle(completion, now: now) }
        completionBatch.removeAll(keepingCapacity: true)
        if shutdownRequested && shutdownDeadline == nil { beginShutdown(now: now) }
    }

    private func beginShutdown(now: MonotonicTime) {
        shutdownDeadline = now + context.configuration.shutdownGracePeriod
        stopAccepting()
        for connection in connections {
            guard let connection, connection.isOpen else { continue }
            act(on: connection, connection.state.beginShutdown(), now: now)
        }
    }

    /// Closes what is left; connections whose request is still on a worker are shut down and
    /// left for that worker to close, so their descriptor is never reused under it.
    private func finish() {
        stopAccepting()
        let late = mailbox.withLock { box in
            box.stopped = true
            let late = box.completions
            box.completions = []
            return late
        }
        for completion in late { handle(completion, now: MonotonicTime.now()) }
        for connection in connections {
            guard let connection else { continue }
            close(connection, reason: .shutdown)
            if connection.jobOutstanding {
                connections[Int(connection.descriptor)] = nil
                openCount -= 1
            }
        }
        Glibc.close(wake)
        Glibc.close(epoll)
        if context.runningLoops.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
            context.pool.stop()
        }
    }

    // MARK: Accepting

    private func acceptConnections(now: MonotonicTime) {
        while listener >= 0 {
            var address = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let descriptor: Int32
            do throws(SystemError) {
                descriptor = try systemCall("accept4") {
                    withUnsafeMutablePointer(to: &address) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                            accept4(listener, $0, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
                        }
                    }
                }
            } catch {
                switch error.errno {
                case EAGAIN, EWOULDBLOCK: return
                case ECONNABORTED, EPROTO: continue
                default:
                    // Out of descriptors or memory: stop accepting for a moment instead of spinning.
                    context.logger.warning("accept failed", ["error": error.description])
                    pauseAccepting(now: now)
                    return
                }
            }
            let open = context.connectionCount.add(1, ordering: .relaxed).newValue
            guard open <= context.configuration.maxConnections else {
                context.connectionCount.subtract(1, ordering: .relaxed)
                Glibc.close(descriptor)
                continue
            }
            // Nagle off: a response is written whole, waiting for more would only add latency.
            var one: Int32 = 1
            _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            do {
                try register(
                    descriptor,
                    events: EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue)
            } catch {
                context.logger.warning("epoll_ctl failed", ["error": error.description])
                context.connectionCount.subtract(1, ordering: .relaxed)
                Glibc.close(descriptor)
                continue
            }
            nextID += 1
            let connection = Connection(
                descriptor: descriptor, id: nextID, remoteAddress: Socket.text(of: address),
                limits: context.configuration.parserLimits,
                state: ConnectionStateMachine(timeouts: context.configuration.timeouts, now: now))
            let slot = Int(descriptor)
            if slot >= connections.count {
                connections.append(contentsOf: repeatElement(nil, count: max(slot + 1 - connections.count, connections.count)))
            }
            connections[slot] = connection
            openCount += 1
        }
    }

    private func stopAccepting() {
        guard listener >= 0 else { return }
        Glibc.close(listener)
        listener = -1
        acceptPausedUntil = nil
    }

    private func pauseAccepting(now: MonotonicTime) {
        _ = epoll_ctl(epoll, Int32(EPOLL_CTL_DEL), listener, nil)
        acceptPausedUntil = now + .milliseconds(100)
    }

    private func resumeAccepting() {
        acceptPausedUntil = nil
        guard listener >= 0 else { return }
        do {
            try register(listener, events: EPOLLIN.rawValue)
        } catch {
            context.logger.error("cannot resume accepting", ["error": error.description])
        }
    }

    private func register(_ descriptor: Int32, events: UInt32) throws(SystemError) {
        var event = epoll_event()
        event.events = events
        event.data.fd = descriptor
        _ = try systemCall("epoll_ctl") { epoll_ctl(epoll, Int32(EPOLL_CTL_ADD), descriptor, &event) }
    }

    // MARK: Connection events

    private func handle(_ flags: UInt32, on descriptor: Int32, now: MonotonicTime) {
        let slot = Int(descriptor)
        guard slot < connections.count, let connection = connections[slot], connection.isOpen else { return }
        if flags & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
            connection.readable = true
        }
        if flags & EPOLLOUT.rawValue != 0 && !connection.jobOutstanding {
            flushOutput(of: connection, now: now)
        }
        guard connection.isOpen else { return }
        if connection.state.state == .lingering {
            discardInput(of: connection)
        } else if connection.state.acceptsInput && connection.readable {
            drive(connection, now: now)
        }
    }

    private func handle(_ completion: Completion, now: MonotonicTime) {
        let slot = Int(completion.descriptor)
        guard slot < connections.count, let connection = connections[slot], connection.id == completion.connectionID,
            connection.jobOutstanding
        else {
            // Cannot happen while the descriptor is held open for the job; drop what is left safely.
            if case .partial(var queue) = completion.outcome { queue.discard() }
            return
        }
        connection.jobOutstanding = false
        guard connection.isOpen else {
            if case .partial(var queue) = completion.outcome { queue.discard() }
            release(connection)
            return
        }
        complete(connection, completion.outcome, now: now)
        resume(connection, now: now)
    }

    /// Continues reading a connection that may take input again (or drains a lingering one).
    func resume(_ connection: Connection, now: MonotonicTime) {
        guard connection.isOpen else { return }
        if connection.state.state == .lingering {
            discardInput(of: connection)
        } else if connection.state.acceptsInput {
            drive(connection, now: now)
        }
    }

    private func scanDeadlines(now: MonotonicTime) {
        for connection in connections {
            guard let connection, connection.isOpen else { continue }
            act(on: connection, connection.state.checkDeadline(now: now), now: now)
        }
    }

    /// Carries out what the state machine decided.
    func act(on connection: Connection, _ action: ConnectionStateMachine.Action, now: MonotonicTime) {
        switch action {
        case .none:
            break
        case .close(let reason):
            close(connection, reason: reason)
        case .lingerThenClose:
            connection.pending = []
            connection.readable = true
            _ = shutdown(connection.descriptor, Int32(SHUT_WR))
        }
    }

    /// Closes a connection; one whose request is on a worker is only shut down until it returns.
    func close(_ connection: Connection, reason: ConnectionStateMachine.CloseReason) {
        guard connection.isOpen else { return }
        connection.isOpen = false
        connection.state.closed()
        context.logger.debug("closed", ["reason": reason.rawValue, "remote": connection.remoteAddress])
        if connection.jobOutstanding {
            _ = shutdown(connection.descriptor, Int32(SHUT_RDWR))
            return
        }
        release(connection)
    }

    private func release(_ connection: Connection) {
        connection.output.discard()
        connection.pending = []
        connection.body = []
        Glibc.close(connection.descriptor)
        connections[Int(connection.descriptor)] = nil
        openCount -= 1
        context.connectionCount.subtract(1, ordering: .relaxed)
    }

    /// Reads and drops input of a refused connection until the client closes (bounded per call).
    private func discardInput(of connection: Connection) {
        guard let base = scratch.baseAddress else { return }
        for _ in 0..<16 {
            let result: NonBlockingResult
            do {
                result = try nonBlockingCall("read") { read(connection.descriptor, base, scratch.count) }
            } catch {
                close(connection, reason: .ioError)
                return
            }
            switch result {
            case .wouldBlock:
                connection.readable = false
                return
            case .done(0):
                close(connection, reason: .rejected)
                return
            case .done:
                continue
            }
        }
    }

    /// Writes queued output; when it is all sent, lets the state machine decide what is next.
    func flushOutput(of connection: Connection, now: MonotonicTime) {
        guard connection.isOpen, !connection.output.isEmpty else { return }
        do {
            switch try connection.output.flush(to: connection.descriptor) {
            case .drained:
                connection.state.wroteBytes(now: now)
                act(on: connection, connection.state.drainedOutput(now: now), now: now)
            case .wouldBlock(let progress):
                if progress { connection.state.wroteBytes(now: now) }
            }
        } catch {
            close(connection, reason: .ioError)
        }
    }
}
