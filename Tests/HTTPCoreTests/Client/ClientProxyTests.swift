import Testing

@testable import HTTPCore

/// Requests through the forward proxy peer (`Tests/peers/forward_proxy.py`) to the fixture
/// HTTPS server and to a raw test server, all on 127.0.0.1.
@Suite(.enabled(if: ClientPythonScript.pythonAvailable, "python3 is needed to run the forward proxy peer"))
struct ClientProxyTests {
    private static let testAuthority = ClientTLSTestServer.fixture("ca.pem")

    private func withProxy<Result>(credentials: String? = nil, _ body: (ForwardProxyPeer) throws -> Result) throws -> Result {
        let proxy = try ForwardProxyPeer(credentials: credentials)
        defer { proxy.stop() }
        return try body(proxy)
    }

    private func withTLSServer<Result>(_ body: (Int) throws -> Result) throws -> Result {
        let server = try ClientTLSTestServer(certificate: "localhost")
        defer { server.stop() }
        return try body(server.port)
    }

    /// A client through `proxyURL`, allowed to reach loopback (or what `allow` says).
    private func client(
        proxyURL: String, noProxy: String = "", allow: String = "127.0.0.1,::1,localhost",
        resolver: ClientAddressResolver = .system
    ) throws -> HTTPClient {
        var configuration = HTTPClientConfiguration(
            connectTimeout: .seconds(5), readTimeout: .seconds(5), exchangeTimeout: .seconds(20),
            certificateAuthorityFile: Self.testAuthority, egressPolicy: try EgressPolicy(allowList: allow))
        configuration.proxy = try ProxyConfiguration(url: proxyURL, noProxy: noProxy)
        return try HTTPClient(configuration: configuration, resolver: resolver)
    }

    @Test func tunnelsHTTPSThroughTheProxyWithTheTargetsNameChecked() throws {
        try withProxy { proxy in
            try withTLSServer { port in
                let client = try client(proxyURL: proxy.url())
                let response = try client.send(ClientRequest(url: "https://localhost:\(port)/"))
                #expect(response.status.code == 200)
                #expect(response.bodyText == "hello over tls")
                // TLS runs with the target through the tunnel: SNI names it, not the proxy.
                #expect(response.headers["X-SNI"] == "localhost")
                // The tunnel is pooled: a second request opens no second CONNECT.
                let again = try client.send(ClientRequest(url: "https://localhost:\(port)/again"))
                #expect(again.bodyText == "hello over tls")
                #expect(proxy.requestLines == ["CONNECT localhost:\(port) HTTP/1.1 -> 200"])
            }
        }
    }

    @Test func sendsHTTPToTheProxyInAbsoluteForm() throws {
        try withProxy { proxy in
            try withClientTestServer({ connection in
                guard let request = connection.readRequest() else { return }
                connection.respond(body: "\(request.method) \(request.target)")
            }) { server in
                let client = try client(proxyURL: proxy.url())
                let response = try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/items?page=2"))
                #expect(response.bodyText == "GET /items?page=2")
                #expect(proxy.requestLines == ["GET http://127.0.0.1:\(server.port)/items?page=2 HTTP/1.1 -> forwarded"])
            }
        }
    }

    @Test func reportsTheProxyRefusingTheTunnelWithoutCredentials() throws {
        try withProxy(credentials: "agent:s3cret") { proxy in
            let client = try client(proxyURL: proxy.url())
            let error = sendError(client, try ClientRequest(url: "https://localhost:4433/"))
            guard case .proxyRefused(let target, let status) = error else {
                Issue.record("expected proxyRefused, got \(String(describing: error))")
                return
            }
            #expect(target == "localhost:4433")
            #expect(status.code == 407)
            #expect(
                error?.description == "the proxy refused the tunnel to localhost:4433: 407 Proxy Authentication Required; "
                    + "give the proxy's user and password in its URL (http://user:password@host:port)")
        }
    }

    @Test func tunnelsWithProxyCredentials() throws {
        try withProxy(credentials: "agent:s3cret") { proxy in
            try withTLSServer { port in
                let client = try client(proxyURL: proxy.url(credentials: "agent:s3cret"))
                let response = try client.send(ClientRequest(url: "https://localhost:\(port)/"))
                #expect(response.bodyText == "hello over tls")
                #expect(proxy.requestLines == ["CONNECT localhost:\(port) HTTP/1.1 -> 200"])
            }
        }
    }

    @Test func reachesNoProxyHostsDirectly() throws {
        try withProxy { proxy in
            try withClientTestServer({ connection in
                guard connection.readRequest() != nil else { return }
                connection.respond(body: "direct")
            }) { server in
                let client = try client(proxyURL: proxy.url(), noProxy: "example.com,127.0.0.0/8")
                let response = try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/"))
                #expect(response.bodyText == "direct")
                #expect(proxy.requestLines.isEmpty)
            }
        }
    }

    @Test(arguments: ["http://10.1.2.3/", "https://169.254.169.254/", "http://localhost:8080/"])
    func refusesPrivateTargetThroughTheProxy(url: String) throws {
        try withProxy { proxy in
            // The proxy itself is on loopback, which the policy does not allow: the proxy is the
            // admin's choice, the target is what the policy checks.
            let client = try client(proxyURL: proxy.url(), allow: "")
            let error = sendError(client, try ClientRequest(url: url))
            guard case .egressRefused = error else {
                Issue.record("expected egressRefused, got \(String(describing: error))")
                return
            }
            #expect(proxy.requestLines.isEmpty)
        }
    }

    @Test func letsTheProxyResolveOnlyAllowListedNamesThatDoNotResolveHere() throws {
        // Locked-down networks resolve names only at the proxy.
        let resolver = ClientAddressResolver { host, port throws(HTTPClientError) in
            guard IPAddress(host) != nil else { throw .dnsFailure(host: host, reason: "Name or service not known") }
            return try ClientAddressResolver.systemLookUp(host: host, port: port)
        }
        try withProxy { proxy in
            let refusing = try client(proxyURL: proxy.url(), allow: "", resolver: resolver)
            let error = sendError(refusing, try ClientRequest(url: "http://api.corp.invalid/"))
            #expect(
                error?.description == "cannot resolve host name api.corp.invalid: Name or service not known; the egress policy "
                    + "cannot check where the proxy would connect, so add api.corp.invalid to --egress-allow to let the proxy resolve it")
            #expect(proxy.requestLines.isEmpty)

            let allowing = try client(proxyURL: proxy.url(), allow: "api.corp.invalid", resolver: resolver)
            let response = try allowing.send(ClientRequest(url: "http://api.corp.invalid/"))
            // The proxy cannot resolve it either, and says so.
            #expect(response.status.code == 502)
            #expect(proxy.requestLines == ["GET http://api.corp.invalid/ HTTP/1.1 -> 502"])
        }
    }

    @Test func redirectHopsDecideForTheirOwnHost() throws {
        try withProxy { proxy in
            try withClientTestServer({ connection in
                guard let request = connection.readRequest() else { return }
                if request.target == "/start" {
                    connection.respond(
                        status: "302 Found",
                        headers: ["Location: http://localhost:\(request.headers["host"]?.split(separator: ":").last ?? "")/end"])
                } else {
                    connection.respond(body: "arrived")
                }
            }) { server in
                let client = try client(proxyURL: proxy.url(), noProxy: "localhost")
                var request = try ClientRequest(url: "http://127.0.0.1:\(server.port)/start")
                request.followRedirects = 1
                let response = try client.send(request)
                #expect(response.bodyText == "arrived")
                // The first hop went through the proxy, the second (a no-proxy host) directly.
                #expect(proxy.requestLines == ["GET http://127.0.0.1:\(server.port)/start HTTP/1.1 -> forwarded"])
            }
        }
    }
}
