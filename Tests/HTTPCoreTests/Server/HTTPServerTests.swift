import Foundation
import Testing

@testable import HTTPCore

@Suite(.serialized) struct HTTPServerTests {
    @Test func servesTwoRequestsOnOneKeepAliveConnection() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
            let first = try client.readResponse()
            try client.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc")
            let second = try client.readResponse()
            #expect(first.status == 200)
            #expect(first.text == "Hello, world!")
            #expect(first.header("Date") != nil)
            #expect(first.header("Connection") == nil)
            #expect(second.text == "POST /echo abc")
        }
    }

    @Test func answersPipelinedRequestsInOrder() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            try client.send(
                "POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\none"
                    + "GET /hello HTTP/1.1\r\nHost: h\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nthree")
            let responses = try (0..<3).map { _ in try client.readResponse() }
            #expect(responses.map(\.text) == ["POST /echo one", "Hello, world!", "POST /echo three"])
        }
    }

    @Test func answersAFloodOfPipelinedRequestsInOrderWhileServingOthers() throws {
        try withServer({ $0.ioThreads = 1 }) { server in
            let flooding = try RawClient(port: server.port)
            let count = 20_000
            var batch: [UInt8] = []
            for index in 0..<count { batch += Array("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: \(String(index).utf8.count)\r\n\r\n\(index)".utf8) }
            // The client sends from another thread while this one reads, as a real one would.
            let sender = Thread { [batch] in try? flooding.send(batch) }
            sender.start()
            let other = try RawClient(port: server.port)
            try other.send("GET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(try other.readResponse().text == "Hello, world!")
            for index in 0..<count {
                let response = try flooding.readResponse()
                guard response.text == "POST /echo \(index)" else {
                    Issue.record("response \(index) was \(response.text)")
                    return
                }
            }
        }
    }

    @Test func readsAChunkedRequestBody() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nchun\r\n")
            try client.send("3\r\nked\r\n0\r\nTrailer: dropped\r\n\r\n")
            #expect(try client.readResponse().text == "POST /echo chunked")
        }
    }

    @Test func answersHeadWithTheGetHeadersAndNoBody() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            try client.send("HEAD /hello HTTP/1.1\r\nHost: h\r\n\r\nGET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
            let head = try client.readResponse(bodyless: true)
            #expect(head.header("Content-Length") == "13")
            #expect(head.body.isEmpty)
            // The next response starts right after the head: no body bytes were sent.
            #expect(try client.readResponse().text == "Hello, world!")
        }
    }

    @Test func closesAfterAnHTTP10RequestUnlessKeepAliveWasAsked() throws {
        try withServer { server in
            let plain = try RawClient(port: server.port)
            try plain.send("GET /hello HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse().header("Connection") == "close")
            #expect(plain.waitForClose())

            let keepAlive = try RawClient(port: server.port)
            try keepAlive.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keepAlive.readResponse().header("Connection") == "keep-alive")
            try keepAlive.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keepAlive.readResponse().status == 200)
        }
    }

    @Test func honoursConnectionClose() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /hello HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
            #expect(try client.readResponse().header("Connection") == "close")
            #expect(client.waitForClose())
        }
    }

    @Test func sendsContinueBeforeAnAcceptableBody() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            #expect(try client.readResponse().status == 100)
            try client.send("body")
            #expect(try client.readResponse().text == "POST /echo body")
        }
    }

    @Test func refusesAnExpectedBodyOverTheLimitWithoutReadingIt() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /small HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose())
        }
    }

    @Test func answersAnUnknownExpectationWith417() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: teapot\r\n\r\n")
            #expect(try client.readResponse().status == 417)
        }
    }

    @Test func aSlowHandlerOnTheWorkerPoolDoesNotBlockAnInlineRequest() throws {
        let responder = TestResponder()
        try withServer({ $0.ioThreads = 1 }, responder: responder) { server in
            let slow = try RawClient(port: server.port)
            try slow.send("GET /gate HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(responder.gate.waitUntilEntered())
            let fast = try RawClient(port: server.port)
            try fast.send("GET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(try fast.readResponse().text == "Hello, world!")
            #expect(!slow.hasDataWaiting())
            responder.gate.open()
            #expect(try slow.readResponse().text == "through the gate")
        }
    }

    @Test(arguments: ["/large", "/large-inline"])
    func sendsALargeResponseIntact(path: String) throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            try client.send("GET \(path) HTTP/1.1\r\nHost: h\r\n\r\nGET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.body.count == TestResponder.largeBody.count)
            #expect(response.body == TestResponder.largeBody)
            #expect(try client.readResponse().text == "Hello, world!")
        }
    }

    @Test func sendsARegionOfAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("httpcore-\(UUID().uuidString).txt")
        try Data("Hello, world!".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var responder = TestResponder()
        responder.filePath = url.path
        try withServer(responder: responder) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /file HTTP/1.1\r\nHost: h\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.text == " worl")
            #expect(response.header("Content-Type") == "text/plain")
        }
    }

    @Test func answersAMissingFileWith500AndStaysUp() throws {
        var responder = TestResponder()
        responder.filePath = "/nonexistent/\(UUID().uuidString)"
        try withServer(responder: responder) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /file HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(try client.readResponse().status == 500)
            try client.send("GET /hello HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }
}
