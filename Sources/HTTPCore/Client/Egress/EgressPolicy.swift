/// Which addresses the client may connect to: the public internet, plus what an admin allows.
///
/// The client checks every address a host name resolves to and connects only to an address that
/// passed, so a DNS answer cannot change between the check and the connection; it checks again
/// on every redirect hop. By default loopback, private, link-local (cloud metadata), unspecified,
/// multicast, broadcast, carrier-grade NAT and reserved addresses are refused, in their IPv4 and
/// IPv4-carrying IPv6 forms (see ``AddressCategory``).
///
///     let policy = try EgressPolicy(allowList: "127.0.0.1,10.0.0.0/8,hr.internal")
///     policy.refusal(host: "localhost", address: IPAddress("::1")!)  // refused: loopback
public struct EgressPolicy: Sendable, Equatable {
    /// Host names whose every address is allowed, lower case; `*.example.com` allows subdomains.
    public var allowedHosts: Set<String>
    /// Address blocks that are allowed even though they are not public.
    public var allowedNetworks: [IPNetwork]

    /// A policy allowing the public internet and the given hosts and networks.
    public init(allowedHosts: Set<String> = [], allowedNetworks: [IPNetwork] = []) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        self.allowedNetworks = allowedNetworks
    }

    /// Parses a comma-separated allow-list (`--egress-allow` / `SWITCHBOARD_EGRESS_ALLOW`): IP
    /// addresses, CIDR blocks and host names, spaces around entries ignored.
    public init(allowList: String) throws(EgressPolicyError) {
        var hosts = Set<String>()
        var networks: [IPNetwork] = []
        for rawEntry in allowList.split(separator: ",") {
            let entry = String(rawEntry.trimmingSpaces())
            guard !entry.isEmpty else { continue }
            let unbracketed = entry.hasPrefix("[") && entry.hasSuffix("]") ? String(entry.dropFirst().dropLast()) : entry
            if let network = IPNetwork(unbracketed) {
                networks.append(network)
            } else if entry.contains("/") {
                throw EgressPolicyError(
                    entry: entry, reason: "a CIDR block is an IP address, '/', and a prefix length of 0-32 (IPv4) or 0-128 (IPv6)")
            } else if Self.isHostName(entry) {
                hosts.insert(entry.lowercased())
            } else {
                throw EgressPolicyError(entry: entry, reason: "it is neither an IP address, a CIDR block (10.0.0.0/8) nor a host name")
            }
        }
        self.init(allowedHosts: hosts, allowedNetworks: networks)
    }

    /// Why connecting to `address` (which `host` resolved to) is refused, or nil when it is allowed.
    public func refusal(host: String, address: IPAddress) -> EgressRefusal? {
        guard let category = AddressCategory.of(address) else { return nil }
        if allowsHost(host.lowercased()) { return nil }
        // An allowed IPv4 block also allows its IPv4-mapped IPv6 form, as refusals treat them alike.
        let embedded = AddressCategory.embeddedIPv4(in: address)
        if allowedNetworks.contains(where: { $0.contains(address) || embedded.map($0.contains) == true }) { return nil }
        return EgressRefusal(host: host, address: address, category: category)
    }

    /// Whether the host name (lower case) is on the allow-list, itself or under a `*.` entry.
    func allowsHost(_ host: String) -> Bool {
        if allowedHosts.contains(host) { return true }
        var rest = Substring(host)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            if allowedHosts.contains("*." + rest) { return true }
        }
        return false
    }

    private static func isHostName(_ text: String) -> Bool {
        let name = text.hasPrefix("*.") ? text.dropFirst(2) : Substring(text)
        return !name.isEmpty && name.utf8.count <= 253
            && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
                !label.isEmpty && label.count <= 63
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            }
    }
}

/// One connection the egress policy refused: which host, which address, and why.
public struct EgressRefusal: Sendable, Equatable, CustomStringConvertible {
    /// The host of the URL as written.
    public let host: String
    /// The address it resolved to (the host itself for an IP literal).
    public let address: IPAddress
    /// Which kind of non-public address it is.
    public let category: AddressCategory

    /// "127.0.0.1 is a loopback address; add it to --egress-allow to reach internal APIs", naming
    /// the host too when it is a DNS name.
    public var description: String {
        let hint = "to --egress-allow to reach internal APIs"
        if IPAddress(host) == address {
            return "\(address) is \(category.phrase); add it \(hint)"
        }
        return "\(host) resolves to \(address), \(category.phrase); add \(host) or \(address) \(hint)"
    }
}

/// An allow-list entry that could not be understood.
public struct EgressPolicyError: Error, Equatable, CustomStringConvertible {
    /// The entry as written in the list.
    public let entry: String
    /// What is wrong with it.
    public let reason: String

    /// "egress allow-list entry "…" is invalid: …", for the start-up error.
    public var description: String { "egress allow-list entry \"\(entry)\" is invalid: \(reason)" }
}
