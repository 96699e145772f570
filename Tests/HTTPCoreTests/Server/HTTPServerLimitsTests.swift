import Foundation
import Glibc
import Testing

@testable import HTTPCore

@Suite(.serialized) struct HTTPServerLimitsTests {
    /// A request over one configured limit and the status it must get.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let request: String
        let status: Int
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "head bytes", request: "GET /hello HTTP/1.1\r\nHost: h\r\nX-A: " + String(repeating: "a", count: 600) + "\r\n\r\n", status: 431),
        Case(name: "header count", request: "GET /hello HTTP/1.1\r\nHost: h\r\n" + String(repeating: "X-A: b\r\n", count: 6) + "\r\n", status: 431),
        Case(name: "URI length", request: "GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\r\nHost: h\r\n\r\n", status: 414),
        Case(name: "body bytes", request: "POST /small HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n01234567890", status: 413),
        Case(name: "chunked body bytes", request: "POST /small HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n012345\r\n6\r\n678901\r\n0\r\n\r\n", status: 413),
    ]

    @Test(arguments: cases)
    func refusesARequestOverALimit(limit: Case) throws {
        let logs = LogCollector()
        try withServer({
            $0.maxHeaderBytes = 512
            $0.maxHeaderCount = 5
            $0.maxURIBytes = 64
        }, logs: logs) { server in
            let client = try RawClient(port: server.port)
            try client.send(limit.request)
            let response = try client.readResponse()
            #expect(response.status == limit.status)
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose())
        }
        #expect(logs.all.contains { $0.contains("msg=rejected status=\(limit.status)") && $0.contains("remote=127.0.0.1") })
    }

    @Test func deliversA413EvenWhileTheClientIsStillSendingTheBody() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            let body = [UInt8](repeating: 0x61, count: 2 * 1024 * 1024)
            try client.send("POST /small HTTP/1.1\r\nHost: h\r\nContent-Length: \(body.count)\r\n\r\n")
            // The body keeps coming after the server refused it from the declared length.
            let sender = Thread { try? client.send(body) }
            sender.start()
            #expect(try client.readResponse().status == 413)
            #expect(client.waitForClose())
        }
    }

    @Test func closesASlowlorisClientAtTheHeaderTimeout() throws {
        try withServer({ $0.headerReadTimeout = .milliseconds(300) }) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /hello HTTP/1.1\r\n")
            // Keep trickling bytes: the timeout covers the whole head, not each read.
            for _ in 0..<3 {
                try client.send("X")
                usleep(50_000)
            }
            #expect(client.waitForClose())
        }
    }

    @Test func closesAConnectionThatSendsNothingAtTheHeaderTimeout() throws {
        try withServer({ $0.headerReadTimeout = .milliseconds(300) }) { server in
            let client = try RawClient(port: server.port)
            #expect(client.waitForClose())
        }
    }

    @Test func closesAnIdleKeepAliveConnection() throws {
        try withServer({ $0.idleTimeout = .milliseconds(300) }) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(client.waitForClose())
        }
    }

    @Test func closesAClientThatStallsInTheBody() throws {
        try withServer({ $0.bodyReadTimeout = .milliseconds(300) }) { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc")
            #expect(client.waitForClose())
        }
    }

    @Test func closesAClientThatStopsReadingAResponse() throws {
        try withServer({ $0.writeTimeout = .milliseconds(300) }) { server in
            let client = try RawClient(port: server.port, receiveBufferSize: 4096)
            try client.send("GET /large HTTP/1.1\r\nHost: h\r\n\r\n")
            // Read nothing for well past the write timeout (ten times it, so a loaded machine that
            // is slow to fill the socket buffers still gets there): the server gives up on the rest.
            usleep(3_000_000)
            let (received, closed) = client.readUntilClose()
            #expect(closed)
            #expect(received < TestResponder.largeBody.count)
        }
    }

    @Test func refusesConnectionsOverTheMaximum() throws {
        try withServer({
            $0.maxConnections = 1
            $0.ioThreads = 1
        }) { server in
            let first = try RawClient(port: server.port)
            try first.send("GET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(try first.readResponse().status == 200)
            let second = try RawClient(port: server.port)
            #expect(second.waitForClose())
            try first.send("GET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(try first.readResponse().status == 200)
        }
    }

    @Test func survivesAFloodOfMalformedRequests() throws {
        try withServer { server in
            for _ in 0..<5 {
                for malformed in MalformedRequest.corpus {
                    let client = try RawClient(port: server.port)
                    try client.send(malformed.message)
                    #expect(try client.readResponse().status == malformed.status, "\(malformed.name)")
                }
            }
            let client = try RawClient(port: server.port)
            try client.send("GET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(try client.readResponse().text == "Hello, world!")
        }
    }
}
