import HTTPCore
import Testing
@testable import Web

@Suite struct TrustedProxiesTests {
    let proxies = TrustedProxies(networks: ["10.0.0.0/8", "127.0.0.1", "fd00::/8"].compactMap { IPNetwork($0) })

    @Test(arguments: [
        // An untrusted peer is the client, whatever it claims.
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
        // A trusted proxy names the client.
        ("10.0.0.5", "198.51.100.1", "198.51.100.1"),
        // The client forged an entry on the left: the proxy's own entry on the right wins.
        ("10.0.0.5", "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        // Through two trusted proxies: both are skipped.
        ("127.0.0.1", "198.51.100.1, 10.1.2.3", "198.51.100.1"),
        // Only trusted hops: the leftmost is as far as anyone can tell.
        ("10.0.0.5", "10.9.9.9, 10.1.2.3", "10.9.9.9"),
        // A malformed entry stops the walk at the nearest trusted proxy.
        ("10.0.0.5", "198.51.100.1, unknown", "10.0.0.5"),
        ("10.0.0.5", "198.51.100.1, not-an-address, 10.1.2.3", "10.1.2.3"),
        // IPv6 proxies and clients.
        ("fd00::1", "2001:db8::9", "2001:db8::9"),
    ])
    func findsTheClientBehindTrustedProxies(peer: String, forwardedFor: String, expected: String) {
        #expect(proxies.clientAddress(peer: peer, headers: ["X-Forwarded-For": forwardedFor]) == expected)
    }

    @Test func readsEveryForwardedForLineInOrder() {
        let headers = HTTPHeaders([("X-Forwarded-For", "6.6.6.6"), ("X-Forwarded-For", "198.51.100.1, 10.1.2.3")])
        #expect(proxies.clientAddress(peer: "10.0.0.5", headers: headers) == "198.51.100.1")
    }

    @Test func withoutTrustedProxiesThePeerIsTheClient() {
        let untrusting = TrustedProxies()
        #expect(untrusting.clientAddress(peer: "10.0.0.5", headers: ["X-Forwarded-For": "198.51.100.1"]) == "10.0.0.5")
        #expect(proxies.clientAddress(peer: "10.0.0.5", headers: HTTPHeaders()) == "10.0.0.5")
    }

    @Test func theApplicationLogsAndHandsOnTheResolvedAddress() throws {
        let logs = LogCollector()
        let router = Router<BasicRequestContext>()
        router.get("/who") { request, _ in .text(request.http.remoteAddress) }
        var app = router.buildApplication()
        app.logger = logs.logger
        app.trustedProxies = proxies
        let request = HTTPRequest(method: .get, target: "/who", headers: ["X-Forwarded-For": "198.51.100.1"], remoteAddress: "10.0.0.5")
        let response = app.respond(to: request)
        #expect(text(response) == "198.51.100.1")
        #expect(logs.lines.contains { $0.contains("remote=198.51.100.1") })
    }
}
