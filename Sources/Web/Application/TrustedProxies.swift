import Foundation
import HTTPCore

/// The reverse proxies an operator trusts, and how they name the client behind them.
///
/// Without trusted proxies the client is the TCP peer, whatever headers say: `X-Forwarded-For`
/// is only believed when it was written by a proxy the operator named. Each proxy appends the
/// address it received the request from, so the list is read from the right: trusted proxies
/// are skipped, and the first address that is not one is the client (entries further left were
/// written by the client itself and may be forged). A malformed entry ends the walk at the last
/// address known to be right, the nearest trusted proxy's.
///
///     let proxies = TrustedProxies(networks: [IPNetwork("10.0.0.0/8")!])
///     proxies.clientAddress(peer: "10.0.0.5", headers: ["X-Forwarded-For": "1.2.3.4, 203.0.113.7"])  // "203.0.113.7"
public struct TrustedProxies: Sendable {
    /// The proxies whose `X-Forwarded-For` is believed.
    public var networks: [IPNetwork]

    /// Trust in the given proxies; with none, the peer is always the client.
    public init(networks: [IPNetwork] = []) {
        self.networks = networks
    }

    /// The client's address for a request from `peer` carrying `headers`.
    public func clientAddress(peer: String, headers: HTTPHeaders) -> String {
        guard !networks.isEmpty, isTrusted(peer) else { return peer }
        // Several X-Forwarded-For lines form one list, in order (RFC 9110 §5.3).
        let hops = headers.values("X-Forwarded-For").flatMap { $0.split(separator: ",") }
        var client = peer
        for hop in hops.reversed() {
            let address = hop.trimmingCharacters(in: .whitespaces)
            guard IPAddress(address) != nil else { return client }
            client = address
            if !isTrusted(address) { return client }
        }
        return client
    }

    private func isTrusted(_ address: String) -> Bool {
        guard let parsed = IPAddress(address) else { return false }
        return networks.contains { $0.contains(parsed) }
    }
}
