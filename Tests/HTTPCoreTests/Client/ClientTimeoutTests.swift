import Foundation
import Testing

@testable import HTTPCore

@Suite struct ClientTimeoutTests {
    @Test func givesUpOnServerThatStallsAfterTheRequest() throws {
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.waitForClientClose()
        }) { server in
            let client = try makeLoopbackClient { $0.readTimeout = .milliseconds(300) }
            let error = try sendError(client, ClientRequest(url: "http://127.0.0.1:\(server.port)/"))
            #expect(error == .readTimeout(host: "127.0.0.1", timeout: .milliseconds(300)))
        }
    }

    @Test func givesUpWhenTheWholeExchangeTakesTooLong() throws {
        // Each byte arrives well within the read timeout; only the exchange deadline can end it.
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
            for _ in 0..<100 {
                guard connection.writeChecked("x") else { return }
                usleep(50_000)
            }
        }) { server in
            let client = try makeLoopbackClient {
                $0.readTimeout = .seconds(5)
                $0.exchangeTimeout = .milliseconds(400)
            }
            let error = try sendError(client, ClientRequest(url: "http://127.0.0.1:\(server.port)/"))
            #expect(error == .exchangeTimeout(host: "127.0.0.1", timeout: .milliseconds(400)))
        }
    }

    @Test func givesUpConnectingToListenerWithFullBacklog() throws {
        // Linux drops a SYN when the listener's accept queue is full, so the connect never
        // completes: a listener with backlog 0 that never accepts, filled by other connections.
        let (listener, port) = try ClientTestSocket.listen(backlog: 0)
        var fillers: [Int32] = []
        defer {
            for fd in fillers { close(fd) }
            close(listener)
        }
        var stalled = false
        for _ in 0..<8 where !stalled {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue), 0)
            fillers.append(fd)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            stalled = poll(&entry, 1, 300) == 0
        }
        guard stalled else {
            try Test.cancel("this kernel completes connections to a listener with a full backlog; connect timeout not reproducible")
        }
        let client = try makeLoopbackClient { $0.connectTimeout = .milliseconds(300) }
        let error = try sendError(client, ClientRequest(url: "http://127.0.0.1:\(port)/"))
        #expect(error == .connectTimeout(host: "127.0.0.1", port: port, timeout: .milliseconds(300)))
    }
}
