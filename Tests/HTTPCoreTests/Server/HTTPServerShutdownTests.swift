import Dispatch
import Glibc
import Testing

@testable import HTTPCore

@Suite(.serialized) struct HTTPServerShutdownTests {
    @Test func finishesTheRequestInFlightAndRefusesNewConnections() throws {
        let responder = TestResponder()
        let server = try HTTPServer(
            configuration: HTTPServerConfiguration(port: 0, ioThreads: 2, workerThreads: 2, shutdownGracePeriod: .seconds(5)),
            responder: responder, logger: .silent)
        try server.start()
        let port = server.port
        let idle = try RawClient(port: port)
        try idle.send("GET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        let inFlight = try RawClient(port: port)
        try inFlight.send("GET /gate HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(responder.gate.waitUntilEntered())

        server.shutdown()
        #expect(idle.waitForClose())
        #expect(Self.connectionRefused(port: port))

        responder.gate.open()
        let response = try inFlight.readResponse()
        #expect(response.text == "through the gate")
        #expect(inFlight.waitForClose())
        server.waitUntilStopped()
    }

    @Test func closesWhatIsLeftWhenTheGracePeriodEnds() throws {
        let responder = TestResponder()
        let server = try HTTPServer(
            configuration: HTTPServerConfiguration(port: 0, ioThreads: 1, workerThreads: 1, shutdownGracePeriod: .milliseconds(200)),
            responder: responder, logger: .silent)
        try server.start()
        let stuck = try RawClient(port: server.port)
        try stuck.send("GET /gate HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(responder.gate.waitUntilEntered())
        server.shutdown()
        server.waitUntilStopped()
        #expect(stuck.waitForClose())
        responder.gate.open()
    }

    @Test func shutsDownOnASignal() throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration(ioThreads: 1), responder: TestResponder(), logger: .silent)
        try server.start()
        // SIGUSR2 rather than SIGTERM: the test process must not depend on its own shutdown.
        server.shutdownOnSignals([SIGUSR2])
        // Dispatch arms its signal sources asynchronously: until it has, a signal is ignored,
        // so send it again until the server stops (at most 5 s).
        var stopped = false
        for _ in 0..<50 where !stopped {
            kill(getpid(), SIGUSR2)
            stopped = server.waitUntilStopped(timeout: .milliseconds(100))
        }
        #expect(stopped)
    }

    @Test func stopsAtOnceWhenNeverStarted() throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration(), responder: TestResponder(), logger: .silent)
        server.shutdown()
        server.waitUntilStopped()
    }

    @Test func refusesAnInvalidConfiguration() {
        #expect(throws: HTTPServerError.invalidConfiguration(field: "ioThreads", reason: "must be at least 1")) {
            try HTTPServer(configuration: HTTPServerConfiguration(ioThreads: 0), responder: TestResponder(), logger: .silent)
        }
    }

    @Test func reportsAPortTakenByAnotherSocket() throws {
        // A plain listener without SO_REUSEPORT owns the port exclusively.
        let plain = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(plain) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(plain, $0, length) == 0 && listen(plain, 1) == 0 && getsockname(plain, $0, &length) == 0
            }
        }
        try #require(bound)
        let server = try HTTPServer(
            configuration: HTTPServerConfiguration(port: Int(UInt16(bigEndian: address.sin_port)), ioThreads: 1),
            responder: TestResponder(), logger: .silent)
        #expect(throws: HTTPServerError.system(SystemError(call: "bind", errno: EADDRINUSE))) { try server.start() }
    }

    /// Connecting fails once the listeners are closed (polled for at most 2 s).
    static func connectionRefused(port: Int) -> Bool {
        for _ in 0..<40 {
            do {
                let client = try RawClient(port: port, timeout: .milliseconds(200))
                if client.waitForClose() { continue }
            } catch {
                return true
            }
            usleep(50_000)
        }
        return false
    }
}
