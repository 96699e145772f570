/// A block of IP addresses in CIDR notation (RFC 4632 §3.1): an address and a prefix length.
///
///     let network = try IPNetwork("10.0.0.0/8")
///     network.contains(IPAddress("10.1.2.3")!)  // true
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    /// The first address of the block (host bits cleared).
    public let address: IPAddress
    /// How many leading bits are fixed: 0...32 for IPv4, 0...128 for IPv6.
    public let prefixLength: Int

    /// A block from an address and a prefix length; bits past the prefix are cleared.
    public init?(address: IPAddress, prefixLength: Int) {
        guard (0...address.bitCount).contains(prefixLength) else { return nil }
        self.address = Self.masked(address, prefixLength)
        self.prefixLength = prefixLength
    }

    /// Parses `10.0.0.0/8`, `fc00::/7`, or a bare address meaning that one address.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else { return nil }
        var prefixLength = address.bitCount
        if parts.count == 2 {
            guard parts[1].count <= 3, parts[1].allSatisfy(\.isASCII), let value = Int(parts[1]) else { return nil }
            prefixLength = value
        }
        self.init(address: address, prefixLength: prefixLength)
    }

    /// Whether the address lies in the block; an IPv4 address is never in an IPv6 block or back.
    public func contains(_ candidate: IPAddress) -> Bool {
        guard candidate.bitCount == address.bitCount else { return false }
        return Self.masked(candidate, prefixLength) == address
    }

    /// The block as `address/prefix`, host bits cleared: "172.16.0.0/12".
    public var description: String { "\(address)/\(prefixLength)" }

    private static func masked(_ address: IPAddress, _ prefixLength: Int) -> IPAddress {
        switch address {
        case .v4(let value):
            let mask: UInt32 = prefixLength == 0 ? 0 : ~0 << UInt32(32 - prefixLength)
            return .v4(value & mask)
        case .v6(let high, let low):
            let highMask: UInt64 = prefixLength == 0 ? 0 : prefixLength >= 64 ? ~0 : ~0 << UInt64(64 - prefixLength)
            let lowMask: UInt64 = prefixLength <= 64 ? 0 : prefixLength == 128 ? ~0 : ~0 << UInt64(128 - prefixLength)
            return .v6(high: high & highMask, low: low & lowMask)
        }
    }
}
