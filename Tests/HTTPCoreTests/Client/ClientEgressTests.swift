import Testing

@testable import HTTPCore

/// The egress policy enforced by a real client against loopback servers.
@Suite struct ClientEgressTests {
    private static func answerOK(_ connection: ClientTestConnection) {
        while connection.readRequest() != nil { connection.respond(body: "reached") }
    }

    @Test func refusesLoopbackByDefaultBeforeConnecting() throws {
        try withClientTestServer(Self.answerOK) { server in
            let client = try HTTPClient()
            let error = try sendError(client, ClientRequest(url: "http://127.0.0.1:\(server.port)/"))
            guard case .egressRefused(let refusal) = error else {
                Issue.record("expected egressRefused, got \(String(describing: error))")
                return
            }
            #expect(refusal.category == .loopback)
            #expect(
                error?.description
                    == "connection refused by the egress policy: 127.0.0.1 is a loopback address; add it to --egress-allow to reach internal APIs"
            )
            #expect(server.acceptedConnections == 0)
        }
    }

    @Test func reachesLoopbackWhenTheAllowListNamesIt() throws {
        try withClientTestServer(Self.answerOK) { server in
            let client = try HTTPClient(configuration: HTTPClientConfiguration(egressPolicy: try EgressPolicy(allowList: "127.0.0.1")))
            #expect(try client.send(ClientRequest(url: "http://127.0.0.1:\(server.port)/")).bodyText == "reached")
        }
    }

    @Test func refusesHostNameThatResolvesToLoopback() throws {
        try withClientTestServer(Self.answerOK) { server in
            let client = try HTTPClient()
            let error = try sendError(client, ClientRequest(url: "http://localhost:\(server.port)/"))
            guard case .egressRefused(let refusal) = error else {
                Issue.record("expected egressRefused, got \(String(describing: error))")
                return
            }
            #expect(refusal.host == "localhost")
            #expect(refusal.category == .loopback)
            #expect(server.acceptedConnections == 0)
        }
    }

    @Test func reachesHostNameOnTheAllowList() throws {
        try withClientTestServer(Self.answerOK) { server in
            let client = try HTTPClient(configuration: HTTPClientConfiguration(egressPolicy: try EgressPolicy(allowList: "localhost")))
            #expect(try client.send(ClientRequest(url: "http://localhost:\(server.port)/")).bodyText == "reached")
        }
    }

    @Test(arguments: [
        ("http://10.20.30.40/", AddressCategory.private), ("http://169.254.169.254/latest/meta-data/", .linkLocal),
        ("http://[::ffff:192.168.0.1]/", .private), ("http://0.0.0.0:1/", .unspecified), ("http://[fe80::1]/", .linkLocal),
        ("http://100.64.0.1/", .sharedAddressSpace), ("http://224.0.0.1/", .multicast),
        // Legacy numeric host forms the C resolver still reads as addresses.
        ("http://2130706433/", .loopback), ("http://0x7f.1/", .loopback), ("http://10.1/", .private),
    ])
    func refusesNonPublicAddressWithoutSendingAPacket(url: String, category: AddressCategory) throws {
        // A connect timeout of an hour: had a connection been tried, the test could only end in
        // the exchange timeout, never with egressRefused.
        var configuration = HTTPClientConfiguration(connectTimeout: .seconds(3600), exchangeTimeout: .seconds(3600))
        configuration.egressPolicy = EgressPolicy()
        let client = try HTTPClient(configuration: configuration)
        let error = try sendError(client, ClientRequest(url: url))
        guard case .egressRefused(let refusal) = error else {
            Issue.record("expected egressRefused, got \(String(describing: error))")
            return
        }
        #expect(refusal.category == category)
    }

    @Test func refusesRedirectToLoopbackAddressNotOnTheAllowList() throws {
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.respond(status: "302 Found", headers: ["Location: http://127.0.0.2:8080/admin"])
        }) { server in
            let client = try makeLoopbackClient()
            let error = try sendError(client, ClientRequest(url: "http://127.0.0.1:\(server.port)/", followRedirects: 5))
            guard case .egressRefused(let refusal) = error else {
                Issue.record("expected egressRefused, got \(String(describing: error))")
                return
            }
            #expect(refusal.address == IPAddress("127.0.0.2"))
        }
    }

    @Test func refusesRedirectToLoopbackWhenOnlyTheStartingHostIsAllowed() throws {
        try withClientTestServer({ connection in
            guard let request = connection.readRequest() else { return }
            let port = request.headers["host"]?.split(separator: ":").last ?? ""
            connection.respond(status: "301 Moved Permanently", headers: ["Location: http://127.0.0.1:\(port)/"])
        }) { server in
            let client = try HTTPClient(configuration: HTTPClientConfiguration(egressPolicy: try EgressPolicy(allowList: "localhost")))
            let error = try sendError(client, ClientRequest(url: "http://localhost:\(server.port)/", followRedirects: 5))
            guard case .egressRefused(let refusal) = error else {
                Issue.record("expected egressRefused, got \(String(describing: error))")
                return
            }
            #expect(refusal.address == IPAddress("127.0.0.1"))
            #expect(server.acceptedConnections == 1)
        }
    }

    @Test func refusesRedirectToMetadataService() throws {
        try withClientTestServer({ connection in
            guard connection.readRequest() != nil else { return }
            connection.respond(status: "307 Temporary Redirect", headers: ["Location: http://169.254.169.254/latest/meta-data/"])
        }) { server in
            let client = try makeLoopbackClient()
            let error = try sendError(client, ClientRequest(url: "http://127.0.0.1:\(server.port)/", followRedirects: 1))
            guard case .egressRefused(let refusal) = error else {
                Issue.record("expected egressRefused, got \(String(describing: error))")
                return
            }
            #expect(refusal.category == .linkLocal)
        }
    }
}
