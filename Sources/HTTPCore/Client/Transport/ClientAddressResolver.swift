import Dispatch
import Glibc
import Synchronization

/// Resolves a host name once per new connection with `getaddrinfo`, within the connect timeout.
///
/// `getaddrinfo` cannot be interrupted and may wait for the resolver's own timeouts
/// (`/etc/resolv.conf`, often 5 s per attempt), so a name is looked up on a Dispatch thread while
/// the caller waits at most its connect budget; a late answer is dropped. An IP literal needs no
/// query and is converted on the calling thread. Tests inject the lookup.
struct ClientAddressResolver: Sendable {
    typealias LookUp = @Sendable (_ host: String, _ port: Int) throws(HTTPClientError) -> [ClientSocketAddress]

    let lookUp: LookUp

    /// The C library's resolver.
    static let system = ClientAddressResolver(lookUp: systemLookUp)

    func resolve(host: String, port: Int, timer: ClientTimer) throws(HTTPClientError) -> [ClientSocketAddress] {
        if IPAddress(host) != nil { return try lookUp(host, port) }
        let answer = Answer()
        let lookUp = self.lookUp
        DispatchQueue.global().async {
            answer.deliver(Result { () throws(HTTPClientError) in try lookUp(host, port) })
        }
        let (milliseconds, boundedByExchange) = timer.waitBudget(for: .connect)
        guard let result = answer.wait(milliseconds: milliseconds) else {
            if boundedByExchange { throw .exchangeTimeout(host: host, timeout: timer.configuration.exchangeTimeout) }
            throw .dnsFailure(host: host, reason: "no answer within \(timer.configuration.connectTimeout) (connect timeout)")
        }
        return try result.get()
    }

    /// One `getaddrinfo` call: every distinct IPv4 and IPv6 address of `host`, in its order.
    static func systemLookUp(host: String, port: Int) throws(HTTPClientError) -> [ClientSocketAddress] {
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

    /// The result of one lookup, handed from the Dispatch thread to the waiting caller.
    private final class Answer: Sendable {
        /// Guards the result, set once by the lookup.
        private let result = Mutex<Result<[ClientSocketAddress], HTTPClientError>?>(nil)
        private let ready = DispatchSemaphore(value: 0)

        func deliver(_ outcome: Result<[ClientSocketAddress], HTTPClientError>) {
            result.withLock { $0 = outcome }
            ready.signal()
        }

        /// The result, or nil when it did not come within `milliseconds`.
        func wait(milliseconds: Int32) -> Result<[ClientSocketAddress], HTTPClientError>? {
            guard ready.wait(timeout: .now() + .milliseconds(Int(milliseconds))) == .success else { return nil }
            return result.withLock { $0 }
        }
    }
}
