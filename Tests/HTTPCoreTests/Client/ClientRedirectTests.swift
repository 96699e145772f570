import Synchronization
import Testing

@testable import HTTPCore

@Suite struct ClientRedirectTests {
    /// A server where `/hop/N` redirects to `/hop/N-1` (relative Location) and `/hop/0` answers.
    private static func hops(_ connection: ClientTestConnection) {
        while let request = connection.readRequest() {
            let remaining = Int(request.target.split(separator: "/").last ?? "") ?? 0
            if remaining > 0 {
                connection.respond(status: "302 Found", headers: ["Location: \(remaining - 1)"])
            } else {
                connection.respond(body: "arrived")
            }
        }
    }

    @Test func followsRedirectsUpToTheLimit() throws {
        try withClientTestServer(Self.hops) { server in
            let client = try makeLoopbackClient()
            let response = try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/hop/5", followRedirects: 5))
            #expect(response.bodyText == "arrived")
            #expect(response.redirectCount == 5)
            #expect(response.url.target == "/hop/0")
        }
    }

    @Test func refusesTheSixthRedirect() throws {
        try withClientTestServer(Self.hops) { server in
            let client = try makeLoopbackClient()
            let error = try sendError(client, ClientRequest(url: "http://127.0.0.1:\(server.port)/hop/6", followRedirects: 10))
            #expect(error == .tooManyRedirects(limit: 5, lastLocation: "http://127.0.0.1:\(server.port)/hop/0"))
        }
    }

    @Test func returnsTheRedirectItselfWhenNotAskedToFollow() throws {
        try withClientTestServer(Self.hops) { server in
            let client = try makeLoopbackClient()
            let response = try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/hop/1"))
            #expect(response.status.code == 302)
            #expect(response.headers["Location"] == "0")
        }
    }

    @Test(arguments: [(303, "GET", ""), (302, "GET", ""), (301, "GET", ""), (307, "POST", "payload"), (308, "POST", "payload")])
    func rewritesMethodAndBodyByStatus(status: Int, method: String, body: String) throws {
        let seen = Mutex<[ClientTestRequest]>([])
        try withClientTestServer({ connection in
            while let request = connection.readRequest() {
                seen.withLock { $0.append(request) }
                if request.target == "/start" {
                    connection.respond(status: "\(status) Moved", headers: ["Location: /next"])
                } else {
                    connection.respond(body: "done")
                }
            }
        }) { server in
            let client = try makeLoopbackClient()
            let request = try ClientRequest(
                method: .post, url: "http://127.0.0.1:\(server.port)/start", headers: ["Content-Type": "text/plain"],
                body: Array("payload".utf8), followRedirects: 1)
            #expect(try client.send(request).bodyText == "done")
            let second = try #require(seen.withLock { $0.last })
            #expect(second.method == method)
            #expect(String(decoding: second.body, as: UTF8.self) == body)
            #expect((second.headers["content-type"] != nil) == (method == "POST"))
        }
    }

    @Test func dropsCredentialsWhenTheRedirectLeavesTheOrigin() throws {
        let seen = Mutex<[String: ClientTestRequest]>([:])
        try withClientTestServer({ connection in
            while let request = connection.readRequest() {
                seen.withLock { $0["other"] = request }
                connection.respond(body: "other origin")
            }
        }) { other in
            try withClientTestServer({ connection in
                while let request = connection.readRequest() {
                    seen.withLock { $0[request.target] = request }
                    let location = request.target == "/start" ? "/same" : "http://127.0.0.1:\(other.port)/elsewhere"
                    connection.respond(status: "307 Temporary Redirect", headers: ["Location: \(location)"])
                }
            }) { server in
                let client = try makeLoopbackClient()
                var request = try ClientRequest(
                    url: "http://127.0.0.1:\(server.port)/start",
                    headers: ["Authorization": "Bearer secret", "X-API-Key": "k", "Cookie": "s=1", "Accept": "application/json"],
                    followRedirects: 3)
                request.credentialHeaderNames = ["X-API-Key"]
                #expect(try client.send(request).bodyText == "other origin")
                let same = try #require(seen.withLock { $0["/same"] })
                #expect(same.headers["authorization"] == "Bearer secret")
                #expect(same.headers["x-api-key"] == "k")
                let elsewhere = try #require(seen.withLock { $0["other"] })
                #expect(elsewhere.headers["authorization"] == nil)
                #expect(elsewhere.headers["x-api-key"] == nil)
                #expect(elsewhere.headers["cookie"] == nil)
                #expect(elsewhere.headers["accept"] == "application/json")
            }
        }
    }
}
