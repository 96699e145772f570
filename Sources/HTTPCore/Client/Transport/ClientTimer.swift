import Glibc

/// The clocks of one ``HTTPClient/send(_:)``: the exchange deadline and the per-wait timeouts.
///
/// Every wait on a socket goes through ``waitUntilReady(_:events:for:host:port:)`` so that it
/// ends at whichever comes first, its own timeout or the exchange deadline, and the error names
/// the one that expired.
struct ClientTimer {
    enum Wait {
        case connect
        case io
    }

    let configuration: HTTPClientConfiguration
    let deadline: MonotonicTime

    init(configuration: HTTPClientConfiguration, now: MonotonicTime = .now()) {
        self.configuration = configuration
        deadline = now + configuration.exchangeTimeout
    }

    /// How long one wait may last, in milliseconds for `poll`, and whether the exchange deadline
    /// (rather than the wait's own timeout) is what bounds it.
    func waitBudget(for wait: Wait, now: MonotonicTime = .now()) -> (milliseconds: Int32, boundedByExchange: Bool) {
        let own = wait == .connect ? configuration.connectTimeout : configuration.readTimeout
        let left = Duration.nanoseconds(deadline.nanoseconds - now.nanoseconds)
        let boundedByExchange = left < own
        let budget = max(.zero, boundedByExchange ? left : own)
        return (Int32(clamping: budget.totalMilliseconds), boundedByExchange)
    }

    /// Whether the exchange deadline has passed.
    func hasExpired(now: MonotonicTime = .now()) -> Bool { now >= deadline }

    /// Waits until `fd` is ready for `events`, throwing the timeout that expired first: the
    /// connect or read timeout of this wait, or the exchange deadline.
    func waitUntilReady(_ fd: Int32, events: Int16, for wait: Wait, host: String, port: Int) throws(HTTPClientError) {
        let (milliseconds, boundedByExchange) = waitBudget(for: wait)
        let ready: Bool
        do throws(SystemError) {
            ready = try Self.poll(fd, events: events, milliseconds: milliseconds)
        } catch {
            throw .connectionLost(host: host, reason: error.description)
        }
        guard !ready else { return }
        if boundedByExchange { throw .exchangeTimeout(host: host, timeout: configuration.exchangeTimeout) }
        switch wait {
        case .connect: throw .connectTimeout(host: host, port: port, timeout: configuration.connectTimeout)
        case .io: throw .readTimeout(host: host, timeout: configuration.readTimeout)
        }
    }

    /// Whether `fd` became ready for `events` (or failed, which the next call on it reports)
    /// within `milliseconds`.
    static func poll(_ fd: Int32, events: Int16, milliseconds: Int32) throws(SystemError) -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        return try systemCall("poll") { Glibc.poll(&entry, 1, milliseconds) } > 0
    }
}
