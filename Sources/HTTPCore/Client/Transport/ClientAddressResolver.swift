import Glibc

/// One address a host resolved to, kept as the socket address to connect to, so the address
/// checked by the egress policy is exactly the one connected to.
struct ClientSocketAddress: Sendable {
    let ipAddress: IPAddress
    let family: Int32
    private let storage: sockaddr_storage
    private let length: socklen_t

    init?(_ address: UnsafePointer<sockaddr>, length: socklen_t) {
        guard let ipAddress = IPAddress(socketAddress: address), Int(length) <= MemoryLayout<sockaddr_storage>.size else { return nil }
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { destination in
            destination.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(length)))
        }
        self.ipAddress = ipAddress
        self.family = Int32(address.pointee.sa_family)
        self.storage = storage
        self.length = length
    }

    /// Calls `body` with the C socket address and its length.
    func withSocketAddress<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }
}

/// Resolves a host name once with `getaddrinfo` (an IP literal resolves to itself, no DNS query).
enum ClientAddressResolver {
    static func resolve(host: String, port: Int) throws(HTTPClientError) -> [ClientSocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else {
            let reason = status == EAI_SYSTEM ? String(cString: strerror(errno)) : String(cString: gai_strerror(status))
            throw .dnsFailure(host: host, reason: reason)
        }
        defer { freeaddrinfo(list) }
        var addresses: [ClientSocketAddress] = []
        var entry = list
        while let current = entry {
            if let socketAddress = current.pointee.ai_addr,
                let address = ClientSocketAddress(socketAddress, length: current.pointee.ai_addrlen),
                !addresses.contains(where: { $0.ipAddress == address.ipAddress })
            {
                addresses.append(address)
            }
            entry = current.pointee.ai_next
        }
        guard !addresses.isEmpty else { throw .dnsFailure(host: host, reason: "no IPv4 or IPv6 address") }
        return addresses
    }
}
