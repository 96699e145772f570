import Glibc

/// An IPv4 or IPv6 address as numbers, parsed and printed by the C library (`inet_pton`, `inet_ntop`).
///
///     IPAddress("10.1.2.3")       // .v4(0x0A01_0203)
///     IPAddress("::ffff:7f00:1")  // .v6(high: 0, low: 0x0000_FFFF_7F00_0001)
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// An IPv4 address, most significant byte first (192.168.0.1 is 0xC0A8_0001).
    case v4(UInt32)
    /// An IPv6 address as its first and last 64 bits, most significant first.
    case v6(high: UInt64, low: UInt64)

    /// Parses dotted-quad IPv4 or IPv6 text (no brackets, no zone), or nil for anything else.
    ///
    /// Only the strict forms `inet_pton` accepts: "127.1" or "0x7f.0.0.1" are not addresses here.
    public init?(_ text: String) {
        if text.contains(":") {
            var raw = in6_addr()
            guard inet_pton(AF_INET6, text, &raw) == 1 else { return nil }
            self = Self(ipv6Bytes: raw)
        } else {
            var raw = in_addr()
            guard inet_pton(AF_INET, text, &raw) == 1 else { return nil }
            self = .v4(UInt32(bigEndian: raw.s_addr))
        }
    }

    /// The address inside a `sockaddr_in` or `sockaddr_in6`, or nil for another family.
    init?(socketAddress: UnsafePointer<sockaddr>) {
        switch Int32(socketAddress.pointee.sa_family) {
        case AF_INET:
            let address = UnsafeRawPointer(socketAddress).loadUnaligned(as: sockaddr_in.self)
            self = .v4(UInt32(bigEndian: address.sin_addr.s_addr))
        case AF_INET6:
            let address = UnsafeRawPointer(socketAddress).loadUnaligned(as: sockaddr_in6.self)
            self = Self(ipv6Bytes: address.sin6_addr)
        default:
            return nil
        }
    }

    private init(ipv6Bytes raw: in6_addr) {
        var first: UInt64 = 0
        var second: UInt64 = 0
        withUnsafeBytes(of: raw) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index < 8 { first = first << 8 | UInt64(byte) } else { second = second << 8 | UInt64(byte) }
            }
        }
        self = .v6(high: first, low: second)
    }

    /// The address as text: dotted quad, or IPv6 in its shortest form (RFC 5952).
    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch self {
        case .v4(let value):
            var raw = in_addr(s_addr: value.bigEndian)
            inet_ntop(AF_INET, &raw, &buffer, socklen_t(buffer.count))
        case .v6:
            var raw = in6_addr()
            withUnsafeMutableBytes(of: &raw) { bytes in
                for index in 0..<16 { bytes[index] = byte(at: index) }
            }
            inet_ntop(AF_INET6, &raw, &buffer, socklen_t(buffer.count))
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The address's length in bits: 32 or 128.
    public var bitCount: Int {
        if case .v4 = self { 32 } else { 128 }
    }

    /// The byte at `index` counted from the most significant, for IPv4 0..<4 and IPv6 0..<16.
    func byte(at index: Int) -> UInt8 {
        switch self {
        case .v4(let value): UInt8(truncatingIfNeeded: value >> (8 * (3 - index)))
        case .v6(let high, let low):
            index < 8
                ? UInt8(truncatingIfNeeded: high >> (8 * (7 - index)))
                : UInt8(truncatingIfNeeded: low >> (8 * (15 - index)))
        }
    }
}
