import Testing

@testable import HTTPCore

/// TLS against the fixture HTTPS server (Python's `ssl`), certificates from `Fixtures/client`.
@Suite(.enabled(if: ClientTLSTestServer.pythonAvailable, "python3 is needed to run the HTTPS fixture server"))
struct ClientTLSTests {
    private static let testAuthority = ClientTLSTestServer.fixture("ca.pem")

    private func withTLSServer<Result>(certificate: String, _ body: (Int) throws -> Result) throws -> Result {
        let server = try ClientTLSTestServer(certificate: certificate)
        defer { server.stop() }
        return try body(server.port)
    }

    private func client(authority: String? = testAuthority) throws -> HTTPClient {
        try makeLoopbackClient(allow: "127.0.0.1,::1,localhost") { $0.certificateAuthorityFile = authority }
    }

    @Test(arguments: ["127.0.0.1", "localhost"])
    func verifiesServerSignedByConfiguredAuthority(host: String) throws {
        try withTLSServer(certificate: "localhost") { port in
            let client = try client()
            let response = try client.send(ClientRequest(url: "https://\(host):\(port)/"))
            #expect(response.status.code == 200)
            #expect(response.bodyText == "hello over tls")
            // RFC 6066 §3: the name is sent for a DNS host, never for an address literal.
            #expect(response.headers["X-SNI"] == (host == "localhost" ? "localhost" : "-"))
            // The keep-alive pool works over TLS too (TLS 1.3 session tickets do not make it stale).
            let again = try client.send(ClientRequest(url: "https://\(host):\(port)/again"))
            #expect(again.bodyText == "hello over tls")
            #expect(again.headers["X-Client-Port"] == response.headers["X-Client-Port"])
        }
    }

    @Test func refusesCertificateForAnotherHostName() throws {
        try withTLSServer(certificate: "wrong") { port in
            let client = try client()
            let error = try sendError(client, ClientRequest(url: "https://localhost:\(port)/"))
            guard case .tlsFailure(let host, let reason) = error else {
                Issue.record("expected tlsFailure, got \(String(describing: error))")
                return
            }
            #expect(host == "localhost")
            #expect(reason == "certificate verification failed: hostname mismatch")
        }
    }

    @Test func refusesCertificateThatDoesNotNameTheAddress() throws {
        try withTLSServer(certificate: "wrong") { port in
            let client = try client()
            let error = try sendError(client, ClientRequest(url: "https://127.0.0.1:\(port)/"))
            #expect(error == .tlsFailure(host: "127.0.0.1", reason: "certificate verification failed: IP address mismatch"))
        }
    }

    @Test func refusesServerSignedByUnknownAuthority() throws {
        try withTLSServer(certificate: "localhost") { port in
            let client = try client(authority: nil)
            let error = try sendError(client, ClientRequest(url: "https://127.0.0.1:\(port)/"))
            #expect(
                error == .tlsFailure(host: "127.0.0.1", reason: "certificate verification failed: unable to get local issuer certificate"))
        }
    }

    @Test func failsToStartWithUnreadableAuthorityFile() {
        var configuration = HTTPClientConfiguration()
        configuration.certificateAuthorityFile = "/nonexistent/ca.pem"
        let error = clientError { () throws(HTTPClientError) in try HTTPClient(configuration: configuration) }
        guard case .invalidConfiguration(let reason) = error else {
            Issue.record("expected invalidConfiguration, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("/nonexistent/ca.pem"))
    }

    @Test func refusesPlainHTTPServerSpeakingOnTheTLSPort() throws {
        try withClientTestServer({ connection in
            // A plain HTTP server answers the TLS ClientHello with an HTTP error.
            connection.respond(status: "400 Bad Request")
            connection.waitForClientClose()
        }) { server in
            let client = try client()
            let error = try sendError(client, ClientRequest(url: "https://127.0.0.1:\(server.port)/"))
            guard case .tlsFailure = error else {
                Issue.record("expected tlsFailure, got \(String(describing: error))")
                return
            }
        }
    }
}
