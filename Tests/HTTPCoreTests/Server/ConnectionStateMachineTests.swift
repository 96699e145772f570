import Testing

@testable import HTTPCore

@Suite struct ConnectionStateMachineTests {
    static let timeouts = ConnectionStateMachine.Timeouts(
        header: .seconds(10), idle: .seconds(60), bodyRead: .seconds(5), write: .seconds(20))

    /// The fake clock: seconds from an arbitrary origin.
    func at(_ seconds: Double) -> MonotonicTime {
        MonotonicTime(nanoseconds: Int64(seconds * 1_000_000_000))
    }

    func machine() -> ConnectionStateMachine {
        ConnectionStateMachine(timeouts: Self.timeouts, now: at(0))
    }

    /// Runs one request to its complete response.
    func serve(_ state: inout ConnectionStateMachine, version: HTTPVersion = .http11, headers: HTTPHeaders = ["Host": "h"], at time: Double) -> ConnectionStateMachine.Action {
        state.receivedBytes(now: at(time))
        state.receivedHead(version: version, headers: headers, now: at(time))
        state.receivedRequest()
        return state.queuedResponse(completely: true, now: at(time))
    }

    @Test func closesANewConnectionThatSendsNoHeadInTime() {
        var state = machine()
        #expect(state.checkDeadline(now: at(9.9)) == .none)
        #expect(state.checkDeadline(now: at(10)) == .close(.headerTimeout))
    }

    @Test func countsTheHeaderTimeoutFromAcceptForTheFirstRequest() {
        var state = machine()
        state.receivedBytes(now: at(9))
        #expect(state.checkDeadline(now: at(10)) == .close(.headerTimeout))
    }

    @Test func keepsAnHTTP11ConnectionOpenAndThenTimesItOutWhenIdle() {
        var state = machine()
        #expect(serve(&state, at: 1) == .none)
        #expect(state.state == .idle(firstRequest: false))
        #expect(state.checkDeadline(now: at(60.9)) == .none)
        #expect(state.checkDeadline(now: at(61)) == .close(.idleTimeout))
    }

    @Test func startsTheHeaderTimerAtTheFirstByteOfALaterRequest() {
        var state = machine()
        _ = serve(&state, at: 1)
        state.receivedBytes(now: at(50))
        #expect(state.checkDeadline(now: at(59)) == .none)
        #expect(state.checkDeadline(now: at(60)) == .close(.headerTimeout))
    }

    @Test func honoursConnectionClose() {
        var state = machine()
        #expect(serve(&state, headers: ["Host": "h", "Connection": "keep-alive, close"], at: 1) == .close(.notPersistent))
    }

    @Test func closesHTTP10UnlessKeepAliveWasAsked() {
        var plain = machine()
        #expect(serve(&plain, version: .http10, headers: [:], at: 1) == .close(.notPersistent))
        var keepAlive = machine()
        #expect(serve(&keepAlive, version: .http10, headers: ["Connection": "Keep-Alive"], at: 1) == .none)
        #expect(!keepAlive.willClose)
    }

    @Test func restartsTheBodyTimerOnEachRead() {
        var state = machine()
        state.receivedBytes(now: at(0))
        state.receivedHead(version: .http11, headers: ["Host": "h"], now: at(1))
        state.receivedBytes(now: at(5))
        #expect(state.checkDeadline(now: at(9.9)) == .none)
        #expect(state.checkDeadline(now: at(10)) == .close(.bodyTimeout))
    }

    @Test func runsNoTimerWhileTheResponderWorks() {
        var state = machine()
        state.receivedBytes(now: at(0))
        state.receivedHead(version: .http11, headers: ["Host": "h"], now: at(0))
        state.receivedRequest()
        #expect(!state.acceptsInput)
        #expect(state.checkDeadline(now: at(10_000)) == .none)
    }

    @Test func closesAClientThatStopsReadingALargeResponse() {
        var state = machine()
        state.receivedBytes(now: at(0))
        state.receivedHead(version: .http11, headers: ["Host": "h"], now: at(0))
        state.receivedRequest()
        #expect(state.queuedResponse(completely: false, now: at(1)) == .none)
        #expect(!state.acceptsInput)
        state.wroteBytes(now: at(15))
        #expect(state.checkDeadline(now: at(34)) == .none)
        #expect(state.checkDeadline(now: at(35)) == .close(.writeTimeout))
    }

    @Test func waitsForTheResponseWhenThePeerHalfCloses() {
        var state = machine()
        state.receivedBytes(now: at(0))
        state.receivedHead(version: .http11, headers: ["Host": "h"], now: at(0))
        state.receivedRequest()
        #expect(state.peerClosed() == .none)
        #expect(state.willClose)
        #expect(state.queuedResponse(completely: true, now: at(1)) == .close(.peerClosed))
    }

    @Test func closesIdleConnectionsAtShutdownAndBusyOnesAfterTheirResponse() {
        var idle = machine()
        _ = serve(&idle, at: 1)
        #expect(idle.beginShutdown() == .close(.shutdown))

        var busy = machine()
        busy.receivedBytes(now: at(0))
        busy.receivedHead(version: .http11, headers: ["Host": "h"], now: at(0))
        busy.receivedRequest()
        #expect(busy.beginShutdown() == .none)
        #expect(busy.willClose)
        #expect(busy.queuedResponse(completely: true, now: at(2)) == .close(.shutdown))
    }

    @Test func lingersAfterARejectedRequestThenCloses() {
        var state = machine()
        state.receivedBytes(now: at(0))
        state.rejected()
        #expect(state.willClose)
        #expect(state.queuedResponse(completely: true, now: at(1)) == .lingerThenClose)
        #expect(state.state == .lingering)
        #expect(state.checkDeadline(now: at(2.9)) == .none)
        #expect(state.checkDeadline(now: at(3)) == .close(.rejected))
    }
}
