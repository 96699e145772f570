import Foundation
import Synchronization
import Testing

@testable import HTTPCore

/// The `CONNECT` exchange against a scripted raw server standing in for the proxy.
struct ClientProxyTunnelTests {
    private func client(proxyPort: Int) throws -> HTTPClient {
        try makeLoopbackClient(allow: "127.0.0.1,localhost") {
            $0.proxy = try? ProxyConfiguration(url: "http://user:secret@127.0.0.1:\(proxyPort)")
        }
    }

    @Test func readsAnAnswerSplitAcrossPacketsAndSendsTheCredentials() throws {
        let received = Mutex<ClientTestRequest?>(nil)
        try withClientTestServer({ connection in
            guard let request = connection.readRequest() else { return }
            received.withLock { $0 = request }
            connection.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r")
            usleep(50_000)
            connection.write("\n\r\n")
            connection.waitForClientClose()
        }) { server in
            let error = sendError(try client(proxyPort: server.port), try ClientRequest(url: "https://localhost:8443/"))
            #expect(error == .proxyRefused(target: "localhost:8443", status: HTTPStatus(code: 403, reason: "Forbidden")))
            let request = try #require(received.withLock { $0 })
            #expect(request.method == "CONNECT")
            #expect(request.target == "localhost:8443")
            #expect(request.headers["host"] == "localhost:8443")
            #expect(request.headers["proxy-authorization"] == "Basic dXNlcjpzZWNyZXQ=")
        }
    }

    @Test func reportsAProxyThatClosesWithoutAnswering() throws {
        try withClientTestServer({ connection in
            _ = connection.readRequest()
        }) { server in
            let error = sendError(try client(proxyPort: server.port), try ClientRequest(url: "https://localhost:8443/"))
            #expect(error == .connectionLost(host: "127.0.0.1", reason: "the proxy closed the connection without answering CONNECT"))
        }
    }

    @Test func reportsAnAnswerThatIsNotHTTP() throws {
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.write("SSH-2.0-OpenSSH\r\n\r\n")
            connection.waitForClientClose()
        }) { server in
            let error = sendError(try client(proxyPort: server.port), try ClientRequest(url: "https://localhost:8443/"))
            guard case .malformedResponse(let host, let reason) = error else {
                Issue.record("expected malformedResponse, got \(String(describing: error))")
                return
            }
            #expect(host == "127.0.0.1")
            #expect(reason.hasPrefix("the answer to CONNECT: "))
        }
    }
}
