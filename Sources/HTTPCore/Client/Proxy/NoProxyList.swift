/// The hosts reached without the proxy, read like curl's `NO_PROXY`.
///
/// A comma-separated list, spaces around entries ignored, case-insensitive:
/// - `*` alone: no host uses the proxy;
/// - a host name, with or without a leading dot (`example.com`, `.example.com`): that name and
///   every name under it (`api.example.com`), as curl matches them;
/// - an IP address or CIDR block (`10.0.0.0/8`, `::1`): a URL whose host is an address literal in
///   it. Names are not resolved to be compared with addresses, as in curl.
public struct NoProxyList: Sendable, Equatable {
    /// Whether the list was `*`: nothing goes through the proxy.
    public let matchesEverything: Bool
    /// Domain names, lower case, without leading or trailing dots.
    public let domains: [String]
    /// Address blocks matched against address literals.
    public let networks: [IPNetwork]

    /// Parses the list; an empty list matches nothing.
    public init(_ list: String) throws(ProxyConfigurationError) {
        var matchesEverything = false
        var domains: [String] = []
        var networks: [IPNetwork] = []
        for rawEntry in list.split(separator: ",") {
            let entry = String(rawEntry.trimmingSpaces()).lowercased()
            guard !entry.isEmpty else { continue }
            let unbracketed = entry.hasPrefix("[") && entry.hasSuffix("]") ? String(entry.dropFirst().dropLast()) : entry
            if entry == "*" {
                matchesEverything = true
            } else if let network = IPNetwork(unbracketed) {
                networks.append(network)
            } else if let domain = Self.domain(entry) {
                domains.append(domain)
            } else {
                throw ProxyConfigurationError(
                    text: entry,
                    reason: "a no-proxy entry is *, a host name (.example.com), an IP address or a CIDR block (10.0.0.0/8)")
            }
        }
        self.matchesEverything = matchesEverything
        self.domains = domains
        self.networks = networks
    }

    /// Whether `host` (as in a URL, lower case) is reached directly.
    public func matches(host: String) -> Bool {
        if matchesEverything { return true }
        if let address = IPAddress(host) { return networks.contains { $0.contains(address) } }
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        return domains.contains { name == $0 || name.hasSuffix("." + $0) }
    }

    /// The entry as a domain without its leading and trailing dots, or nil when it is not a name.
    private static func domain(_ entry: String) -> String? {
        var name = Substring(entry)
        if name.hasPrefix(".") { name = name.dropFirst() }
        if name.hasSuffix(".") { name = name.dropLast() }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            !name.isEmpty && name.utf8.count <= 253
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            }
        return valid ? String(name) : nil
    }
}
