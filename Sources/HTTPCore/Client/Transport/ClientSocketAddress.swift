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
