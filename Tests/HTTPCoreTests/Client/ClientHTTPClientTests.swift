import Foundation
import Synchronization
import Testing

@testable import HTTPCore

@Suite struct ClientHTTPClientTests {
    @Test func sendsGetAndReadsResponse() throws {
        let seen = Mutex<ClientTestRequest?>(nil)
        try withClientTestServer({ connection in
            guard let request = connection.readRequest() else { return }
            seen.withLock { $0 = request }
            connection.respond(headers: ["Content-Type: text/plain", "X-Served-By: test"], body: "hello")
        }) { server in
            let client = try makeLoopbackClient()
            let response = try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/items?limit=2"))
            #expect(response.status.code == 200)
            #expect(response.bodyText == "hello")
            #expect(response.headers["x-served-by"] == "test")
            #expect(response.redirectCount == 0)
            let request = try #require(seen.withLock { $0 })
            #expect(request.method == "GET")
            #expect(request.target == "/items?limit=2")
            #expect(request.headers["host"] == "127.0.0.1:\(server.port)")
            #expect(request.headers["accept-encoding"] == "identity")
            #expect(request.headers["user-agent"] == "Switchboard")
            #expect(request.headers["content-length"] == nil)
        }
    }

    @Test func sendsPostBodyWithContentLength() throws {
        try withClientTestServer({ connection in
            guard let request = connection.readRequest() else { return }
            let echo =
                "\(request.method) \(request.headers["content-length"] ?? "-") \(request.headers["content-type"] ?? "-") "
                + String(decoding: request.body, as: UTF8.self)
            connection.respond(status: "201 Created", body: echo)
        }) { server in
            let client = try makeLoopbackClient()
            let response = try client.send(
                ClientRequest(
                    method: .post, url: "http://127.0.0.1:\(server.port)/orders",
                    headers: ["Content-Type": "application/json", "Content-Length": "999"], body: Array(#"{"qty":3}"#.utf8)))
            #expect(response.status.code == 201)
            #expect(response.bodyText == #"POST 9 application/json {"qty":3}"#)
        }
    }

    @Test func reusesKeepAliveConnectionForTheNextRequest() throws {
        try withClientTestServer({ connection in
            while let request = connection.readRequest() {
                connection.respond(body: "answer to \(request.target)")
            }
        }) { server in
            let client = try makeLoopbackClient()
            let first = try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/one"))
            let second = try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/two"))
            #expect(first.bodyText == "answer to /one")
            #expect(second.bodyText == "answer to /two")
            #expect(server.acceptedConnections == 1)
        }
    }

    @Test func opensNewConnectionWhenTheServerSaysClose() throws {
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.respond(headers: ["Connection: close"], body: "bye")
        }) { server in
            let client = try makeLoopbackClient()
            for _ in 0..<2 {
                #expect(try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/")).bodyText == "bye")
            }
            #expect(server.acceptedConnections == 2)
        }
    }

    @Test func retriesIdempotentRequestWhenPooledConnectionWasClosed() throws {
        // The server answers keep-alive and then closes anyway, as servers do at their idle timeout.
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.respond(body: "fresh")
        }) { server in
            let client = try makeLoopbackClient()
            for _ in 0..<3 {
                #expect(try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/")).bodyText == "fresh")
            }
            #expect(server.acceptedConnections == 3)
        }
    }

    @Test func readsChunkedResponse() throws {
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            connection.write("7;note=x\r\nchunked\r\n")
            connection.write("1\r\n \r\nb\r\nresponse ok\r\n0\r\nX-Checksum: 1\r\n\r\n")
            connection.waitForClientClose()
        }) { server in
            let client = try makeLoopbackClient()
            let response = try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/"))
            #expect(response.bodyText == "chunked response ok")
        }
    }

    @Test func readsCloseDelimitedResponse() throws {
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the ")
            connection.write("connection closes")
            connection.close()
        }) { server in
            let client = try makeLoopbackClient()
            let response = try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/"))
            #expect(response.bodyText == "until the connection closes")
            #expect(client.pool.idleCount(for: ClientPoolKey(response.url)) == 0)
        }
    }

    @Test func refusesDeclaredBodyLargerThanTheCap() throws {
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.respond(body: String(repeating: "x", count: 2048))
        }) { server in
            let client = try makeLoopbackClient { $0.maxResponseBodyBytes = 1024 }
            let error = try sendError(client, ClientRequest(url: "http://127.0.0.1:\(server.port)/"))
            #expect(error == .responseTooLarge(limit: 1024))
            #expect(error?.description == "response too large (limit 1024 bytes)")
        }
    }

    @Test func stopsReadingStreamedBodyAtTheCap() throws {
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            // Far more than the cap; the client must stop reading, not buffer it all.
            for _ in 0..<64 { connection.write("400\r\n" + String(repeating: "y", count: 1024) + "\r\n") }
            connection.write("0\r\n\r\n")
            connection.waitForClientClose()
        }) { server in
            let client = try makeLoopbackClient()
            var request = try ClientRequest(url: "http://127.0.0.1:\(server.port)/")
            request.maxResponseBodyBytes = 4096
            let error = sendError(client, request)
            #expect(error == .responseTooLarge(limit: 4096))
        }
    }

    @Test func reportsMalformedResponse() throws {
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.write("SSH-2.0-OpenSSH_9.2\r\n\r\n")
            connection.waitForClientClose()
        }) { server in
            let client = try makeLoopbackClient()
            let error = try sendError(client, ClientRequest(url: "http://127.0.0.1:\(server.port)/"))
            guard case .malformedResponse(let host, _) = error else {
                Issue.record("expected malformedResponse, got \(String(describing: error))")
                return
            }
            #expect(host == "127.0.0.1")
        }
    }

    @Test func reportsConnectionClosedWithoutResponse() throws {
        try withClientTestServer({ connection in
            _ = connection.readRequest()
            connection.close()
        }) { server in
            let client = try makeLoopbackClient()
            let error = try sendError(client, ClientRequest(method: .post, url: "http://127.0.0.1:\(server.port)/", body: [1]))
            guard case .connectionLost = error else {
                Issue.record("expected connectionLost, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func refusesHeaderValueWithLineBreak() throws {
        let client = try makeLoopbackClient()
        let request = try ClientRequest(url: "http://127.0.0.1:9/", headers: ["X-Note": "a\r\nX-Injected: 1"])
        let error = sendError(client, request)
        #expect(error == .invalidRequest(reason: "the value of header X-Note contains a line break or NUL"))
    }

    @Test func reportsRefusedConnection() throws {
        // A port that was just free: nothing listens there.
        let (fd, port) = try ClientTestSocket.listen(backlog: 1)
        close(fd)
        let client = try makeLoopbackClient()
        let error = try sendError(client, ClientRequest(url: "http://127.0.0.1:\(port)/"))
        guard case .connectFailed(let host, let failedPort, let reason) = error else {
            Issue.record("expected connectFailed, got \(String(describing: error))")
            return
        }
        #expect(host == "127.0.0.1" && failedPort == port)
        #expect(reason.contains("refused"))
    }
}

extension ClientHTTPClientTests {
    @Test func servesManyThreadsThroughOneClient() throws {
        try withClientTestServer({ connection in
            while let request = connection.readRequest() { connection.respond(body: request.target) }
        }) { server in
            let client = try makeLoopbackClient()
            let failures = Mutex<[String]>([])
            let group = DispatchGroup()
            for thread in 0..<6 {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    for call in 0..<20 {
                        let target = "/t\(thread)/c\(call)"
                        do {
                            let response = try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)\(target)"))
                            if response.bodyText != target { failures.withLock { $0.append("\(target): \(response.bodyText)") } }
                        } catch {
                            failures.withLock { $0.append("\(target): \(error)") }
                        }
                    }
                }
            }
            #expect(group.wait(timeout: .now() + 30) == .success)
            #expect(failures.withLock { $0 } == [])
            // Connections are reused: far fewer than the 120 requests.
            #expect(server.acceptedConnections <= 12)
        }
    }
}
