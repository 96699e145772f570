import CLinux

#if canImport(Glibc)
import Glibc
#endif

/// The socket calls of the server: listeners, accepted connections, addresses.
enum Socket {
    /// A non-blocking TCP listener on `host:port` with `SO_REUSEPORT`, so each I/O loop can own
    /// one on the same port and the kernel spreads connections between them.
    static func listen(host: String, port: Int, backlog: Int) throws(HTTPServerError) -> Int32 {
        var address = sockaddr_storage()
        let length: socklen_t
        let family: Int32
        if let ipv4 = ipv4Address(host, port: port) {
            withUnsafeMutableBytes(of: &address) { raw in raw.storeBytes(of: ipv4, as: sockaddr_in.self) }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            family = AF_INET
        } else if let ipv6 = ipv6Address(host, port: port) {
            withUnsafeMutableBytes(of: &address) { raw in raw.storeBytes(of: ipv6, as: sockaddr_in6.self) }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            family = AF_INET6
        } else {
            throw .invalidHost(host)
        }
        do throws(SystemError) {
            let descriptor = try systemCall("socket") {
                socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            }
            do throws(SystemError) {
                try setOption(descriptor, SOL_SOCKET, SO_REUSEADDR, 1)
                try setOption(descriptor, SOL_SOCKET, SO_REUSEPORT, 1)
                _ = try systemCall("bind") {
                    withUnsafePointer(to: &address) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
                    }
                }
                _ = try systemCall("listen") { Glibc.listen(descriptor, Int32(clamping: backlog)) }
                return descriptor
            } catch {
                close(descriptor)
                throw error
            }
        } catch {
            throw .system(error)
        }
    }

    /// The port a listener is bound to (the one the kernel chose for port 0).
    static func boundPort(_ descriptor: Int32) throws(SystemError) -> Int {
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try systemCall("getsockname") {
            withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
        }
        return port(of: address)
    }

    static func setOption(_ descriptor: Int32, _ level: Int32, _ option: Int32, _ value: Int32) throws(SystemError) {
        var value = value
        _ = try systemCall("setsockopt") {
            setsockopt(descriptor, level, option, &value, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    /// The address of a peer as text ("127.0.0.1", "::1").
    static func text(of address: sockaddr_storage) -> String {
        var address = address
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(address.ss_family)
        let written: UnsafePointer<CChar>? = withUnsafePointer(to: &address) { pointer in
            switch family {
            case AF_INET:
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                    withUnsafePointer(to: ipv4.pointee.sin_addr) { inet_ntop(AF_INET, $0, &buffer, socklen_t(buffer.count)) }
                }
            case AF_INET6:
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                    withUnsafePointer(to: ipv6.pointee.sin6_addr) { inet_ntop(AF_INET6, $0, &buffer, socklen_t(buffer.count)) }
                }
            default:
                nil
            }
        }
        guard written != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func port(of address: sockaddr_storage) -> Int {
        var address = address
        let family = Int32(address.ss_family)
        return withUnsafePointer(to: &address) { pointer in
            switch family {
            case AF_INET6:
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            default:
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        }
    }

    private static func ipv4Address(_ host: String, port: Int) -> sockaddr_in? {
        var address = sockaddr_in()
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1, let port = UInt16(exactly: port) else { return nil }
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        return address
    }

    private static func ipv6Address(_ host: String, port: Int) -> sockaddr_in6? {
        var address = sockaddr_in6()
        guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1, let port = UInt16(exactly: port) else { return nil }
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = port.bigEndian
        return address
    }
}
