import Dispatch
import Testing

@testable import HTTPCore

/// Name resolution with injected answers: the policy judges the answer, not the name, and a
/// resolver that never answers costs no more than the connect timeout.
@Suite struct ClientAddressResolverTests {
    /// A client whose resolver answers every name with `addresses` (numeric, so no DNS query).
    private func client(answering addresses: [String], allow: String = "") throws -> HTTPClient {
        let resolver = ClientAddressResolver { _, port throws(HTTPClientError) in
            var answer: [ClientSocketAddress] = []
            for address in addresses { answer += try ClientAddressResolver.systemLookUp(host: address, port: port) }
            return answer
        }
        var configuration = HTTPClientConfiguration(connectTimeout: .seconds(5), readTimeout: .seconds(5))
        configuration.egressPolicy = try EgressPolicy(allowList: allow)
        return try HTTPClient(configuration: configuration, resolver: resolver)
    }

    @Test func refusesPublicLookingNameThatResolvesToPrivateAddress() throws {
        let client = try client(answering: ["10.0.0.7"])
        let error = try sendError(client, ClientRequest(url: "https://api.example.com/v1"))
        guard case .egressRefused(let refusal) = error else {
            Issue.record("expected egressRefused, got \(String(describing: error))")
            return
        }
        #expect(refusal.host == "api.example.com")
        #expect(refusal.address == IPAddress("10.0.0.7"))
        #expect(refusal.description.hasPrefix("api.example.com resolves to 10.0.0.7, a private address"))
    }

    @Test func connectsOnlyToTheAllowedAddressOfAMixedAnswer() throws {
        try withClientTestServer({ connection in
            while connection.readRequest() != nil { connection.respond(body: "reached the allowed address") }
        }) { server in
            let client = try client(answering: ["169.254.169.254", "127.0.0.1"], allow: "127.0.0.1")
            let response = try client.send(ClientRequest(url: "http://api.example.com:\(server.port)/"))
            #expect(response.bodyText == "reached the allowed address")
        }
    }

    @Test func givesUpOnResolverThatDoesNotAnswerWithinTheConnectTimeout() throws {
        let release = DispatchSemaphore(value: 0)
        defer { release.signal() }
        let resolver = ClientAddressResolver { host, _ throws(HTTPClientError) in
            _ = release.wait(timeout: .now() + 10)
            throw .dnsFailure(host: host, reason: "released")
        }
        var configuration = HTTPClientConfiguration(connectTimeout: .milliseconds(200))
        configuration.egressPolicy = EgressPolicy()
        let client = try HTTPClient(configuration: configuration, resolver: resolver)
        let error = try sendError(client, ClientRequest(url: "https://slow.example/"))
        #expect(error == .dnsFailure(host: "slow.example", reason: "no answer within 0.2 seconds (connect timeout)"))
    }

    @Test func resolvesAddressLiteralWithoutAQuery() throws {
        let addresses = try ClientAddressResolver.systemLookUp(host: "127.0.0.1", port: 80)
        #expect(addresses.map(\.ipAddress) == [IPAddress("127.0.0.1")])
    }
}
