extension ClientConnection {
    /// Applies the egress policy to a target reached through the proxy, before the proxy is asked
    /// for it (see ``ProxyConfiguration`` for why).
    ///
    /// Every local address of the name must pass, since the proxy may connect to any of them;
    /// a name that does not resolve locally passes only when it is on the allow-list.
    static func checkEgressThroughProxy(
        to url: HTTPURL, resolver: ClientAddressResolver, policy: EgressPolicy, timer: ClientTimer
    ) throws(HTTPClientError) {
        let addresses: [ClientSocketAddress]
        do throws(HTTPClientError) {
            addresses = try resolver.resolve(host: url.host, port: url.port, timer: timer)
        } catch {
            guard case .dnsFailure(let host, let reason) = error, !url.hostIsIPAddress else { throw error }
            if policy.allowsHost(url.host) { return }
            throw .dnsFailure(
                host: host,
                reason: "\(reason); the egress policy cannot check where the proxy would connect, "
                    + "so add \(host) to --egress-allow to let the proxy resolve it")
        }
        for address in addresses {
            if let refusal = policy.refusal(host: url.host, address: address.ipAddress) { throw .egressRefused(refusal) }
        }
    }

    /// A TCP connection to the proxy: its first address that accepts, within the connect timeout.
    /// The proxy is the admin's choice, so the egress policy does not apply to it.
    static func connectToProxy(
        _ proxy: ProxyConfiguration, resolver: ClientAddressResolver, timer: ClientTimer
    ) throws(HTTPClientError) -> Int32 {
        var lastFailure: HTTPClientError? = nil
        for address in try resolver.resolve(host: proxy.host, port: proxy.port, timer: timer) {
            do throws(HTTPClientError) {
                return try connectSocket(to: address, host: proxy.host, port: proxy.port, timer: timer)
            } catch {
                guard case .connectFailed = error else { throw error }
                lastFailure = error
            }
        }
        throw lastFailure ?? .dnsFailure(host: proxy.host, reason: "no usable address")
    }
}
