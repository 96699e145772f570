/// Why an address is not on the public internet, for the egress policy's default refusals.
public enum AddressCategory: String, Sendable, CaseIterable {
    /// 127.0.0.0/8, ::1: this machine.
    case loopback
    /// RFC 1918 (10/8, 172.16/12, 192.168/16) and IPv6 unique local fc00::/7 (and site-local fec0::/10).
    case `private`
    /// 169.254/16 (cloud metadata at 169.254.169.254), fe80::/10.
    case linkLocal
    /// 0.0.0.0/8 and ::, which reach this machine when connected to.
    case unspecified
    /// 224/4, ff00::/8.
    case multicast
    /// 255.255.255.255.
    case broadcast
    /// 100.64/10, carrier-grade NAT (RFC 6598): inside a provider's network.
    case sharedAddressSpace
    /// 240/4 and 192.0.0/24, not used on the internet.
    case reserved

    /// The category of a non-public address, or nil for an address on the public internet.
    ///
    /// IPv6 forms that carry an IPv4 address (IPv4-mapped `::ffff:0:0/96` RFC 4291 §2.5.5.2,
    /// IPv4-compatible `::/96`, NAT64 `64:ff9b::/96` RFC 6052, 6to4 `2002::/16` RFC 3056) are
    /// judged by that IPv4 address, so `::ffff:127.0.0.1` is as much loopback as `127.0.0.1`.
    public static func of(_ address: IPAddress) -> AddressCategory? {
        if let embedded = embeddedIPv4(in: address) { return of(embedded) }
        for (network, category) in address.bitCount == 32 ? ipv4Blocks : ipv6Blocks where network.contains(address) {
            return category
        }
        return nil
    }

    /// Words for the refusal message: "a loopback address".
    public var phrase: String {
        switch self {
        case .loopback: "a loopback address"
        case .private: "a private address"
        case .linkLocal: "a link-local address (this includes cloud metadata services at 169.254.169.254)"
        case .unspecified: "an unspecified address"
        case .multicast: "a multicast address"
        case .broadcast: "a broadcast address"
        case .sharedAddressSpace: "a carrier-grade NAT address (100.64.0.0/10)"
        case .reserved: "a reserved address"
        }
    }

    /// The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or nil.
    static func embeddedIPv4(in address: IPAddress) -> IPAddress? {
        guard case .v6(let high, let low) = address else { return nil }
        let last32 = IPAddress.v4(UInt32(truncatingIfNeeded: low))
        if high == 0 && low >> 32 == 0xFFFF { return last32 }  // ::ffff:a.b.c.d
        if high == 0 && low >> 32 == 0 && low > 1 { return last32 }  // ::a.b.c.d, not :: or ::1
        if high == 0x0064_FF9B_0000_0000 && low >> 32 == 0 { return last32 }  // 64:ff9b::a.b.c.d
        if high >> 48 == 0x2002 { return .v4(UInt32(truncatingIfNeeded: high >> 16)) }  // 2002:aabb:ccdd::
        return nil
    }

    // Most specific first: 255.255.255.255 must be "broadcast" before 240/4 "reserved".
    private static let ipv4Blocks: [(IPNetwork, AddressCategory)] = blocks([
        ("255.255.255.255/32", .broadcast),
        ("0.0.0.0/8", .unspecified),  // RFC 1122 §3.2.1.3 "this network"
        ("127.0.0.0/8", .loopback),
        ("10.0.0.0/8", .private),  // RFC 1918
        ("172.16.0.0/12", .private),
        ("192.168.0.0/16", .private),
        ("169.254.0.0/16", .linkLocal),  // RFC 3927
        ("100.64.0.0/10", .sharedAddressSpace),  // RFC 6598
        ("224.0.0.0/4", .multicast),
        ("240.0.0.0/4", .reserved),
        ("192.0.0.0/24", .reserved),  // RFC 6890 protocol assignments
    ])

    private static let ipv6Blocks: [(IPNetwork, AddressCategory)] = blocks([
        ("::/128", .unspecified),
        ("::1/128", .loopback),
        ("fc00::/7", .private),  // RFC 4193 unique local
        ("fec0::/10", .private),  // deprecated site-local, RFC 3879
        ("fe80::/10", .linkLocal),
        ("ff00::/8", .multicast),
    ])

    private static func blocks(_ list: [(String, AddressCategory)]) -> [(IPNetwork, AddressCategory)] {
        list.compactMap { text, category in IPNetwork(text).map { ($0, category) } }
    }
}
