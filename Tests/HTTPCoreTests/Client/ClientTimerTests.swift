import Testing

@testable import HTTPCore

@Suite struct ClientTimerTests {
    private let start = MonotonicTime(nanoseconds: 5_000_000_000)

    private func timer() -> ClientTimer {
        var configuration = HTTPClientConfiguration(connectTimeout: .seconds(2), readTimeout: .seconds(3), exchangeTimeout: .seconds(10))
        configuration.egressPolicy = EgressPolicy()
        return ClientTimer(configuration: configuration, now: start)
    }

    @Test func boundsEachWaitByItsOwnTimeoutWhileTheExchangeHasTimeLeft() {
        #expect(timer().waitBudget(for: .connect, now: start) == (2000, false))
        #expect(timer().waitBudget(for: .io, now: start + .seconds(1)) == (3000, false))
    }

    @Test func boundsTheWaitByTheExchangeDeadlineWhenItComesFirst() {
        #expect(timer().waitBudget(for: .io, now: start + .milliseconds(8500)) == (1500, true))
        #expect(timer().waitBudget(for: .io, now: start + .seconds(11)) == (0, true))
        #expect(timer().hasExpired(now: start + .seconds(10)))
        #expect(!timer().hasExpired(now: start + .milliseconds(9999)))
    }

    @Test func roundsPartialMillisecondsUp() {
        #expect(timer().waitBudget(for: .io, now: start + .nanoseconds(9_999_999_999)).milliseconds == 1)
    }
}
