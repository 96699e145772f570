/// The clocks of one ``HTTPClient/send(_:)``: the exchange deadline and the per-wait timeouts.
///
/// Every wait on a socket goes through ``waitBudget(for:)`` so that it ends at whichever comes
/// first, its own timeout or the exchange deadline, and the error names the one that expired.
struct ClientTimer {
    enum Wait {
        case connect
        case io
    }

    let configuration: HTTPClientConfiguration
    let deadline: ContinuousClock.Instant

    init(configuration: HTTPClientConfiguration, now: ContinuousClock.Instant = .now) {
        self.configuration = configuration
        deadline = now.advanced(by: configuration.exchangeTimeout)
    }

    /// How long one wait may last, in milliseconds for `poll`, and whether the exchange deadline
    /// (rather than the wait's own timeout) is what bounds it.
    func waitBudget(for wait: Wait) -> (milliseconds: Int32, boundedByExchange: Bool) {
        let own = wait == .connect ? configuration.connectTimeout : configuration.readTimeout
        let left = ContinuousClock.now.duration(to: deadline)
        let boundedByExchange = left < own
        let budget = max(.zero, boundedByExchange ? left : own)
        let (seconds, attoseconds) = budget.components
        // Round up so a 1 ms remainder does not become a busy 0 ms poll.
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return (Int32(clamping: milliseconds), boundedByExchange)
    }

    /// Whether the exchange deadline has passed.
    var hasExpired: Bool { ContinuousClock.now >= deadline }
}

extension ClientTimer {
    /// Waits until `fd` is ready for `events`, throwing the timeout that expired first: the
    /// connect or read timeout of this wait, or the exchange deadline.
    func waitUntilReady(_ fd: Int32, events: Int16, for wait: Wait, host: String, port: Int) throws(HTTPClientError) {
        let (milliseconds, boundedByExchange) = waitBudget(for: wait)
        let ready: Bool
        do throws(ClientSystemCall.Failure) {
            ready = try ClientSystemCall.poll(fd, events: events, milliseconds: milliseconds)
        } catch {
            throw .connectionLost(host: host, reason: error.message)
        }
        guard !ready else { return }
        if boundedByExchange { throw .exchangeTimeout(host: host, timeout: configuration.exchangeTimeout) }
        switch wait {
        case .connect: throw .connectTimeout(host: host, port: port, timeout: configuration.connectTimeout)
        case .io: throw .readTimeout(host: host, timeout: configuration.readTimeout)
        }
    }
}
