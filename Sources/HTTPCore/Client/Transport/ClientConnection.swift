import Glibc

/// One open TCP connection, with TLS over it for https, used by one exchange at a time.
///
/// `@unchecked Sendable` because ownership moves between threads through the pool: whoever
/// checked it out (or opened it) is its only user until it is checked back in or closed.
final class ClientConnection: @unchecked Sendable {
    let key: ClientPoolKey
    /// The socket; -1 once closed.
    private var fd: Int32
    private let tls: ClientTLSSession?
    /// Bytes received during the current exchange (a reused connection that failed before any may be retried).
    private(set) var bytesReceivedInExchange = 0

    private init(key: ClientPoolKey, fd: Int32, tls: ClientTLSSession?) {
        self.key = key
        self.fd = fd
        self.tls = tls
    }

    deinit { close() }

    /// Opens a connection for `url`: directly, or through `proxy` when one is given (the caller
    /// has already checked the no-proxy list), and for https completes the TLS handshake with
    /// the target.
    static func open(
        to url: HTTPURL, through proxy: ProxyConfiguration?, resolver: ClientAddressResolver, policy: EgressPolicy,
        tlsContext: ClientTLSContext, timer: ClientTimer
    ) throws(HTTPClientError) -> ClientConnection {
        guard let proxy else {
            return try openDirect(to: url, resolver: resolver, policy: policy, tlsContext: tlsContext, timer: timer)
        }
        try checkEgressThroughProxy(to: url, resolver: resolver, policy: policy, timer: timer)
        let fd = try connectToProxy(proxy, resolver: resolver, timer: timer)
        do throws(HTTPClientError) {
            if url.scheme == .https { try ProxyTunnel.establish(fd: fd, to: url, through: proxy, timer: timer) }
        } catch {
            Glibc.close(fd)
            throw error
        }
        return try finishOpening(fd: fd, url: url, key: ClientPoolKey(url, proxied: true), tlsContext: tlsContext, timer: timer)
    }

    /// Resolves the host once, connects to the first address the egress policy allows (trying
    /// the next allowed one when a connection fails), and for https completes the TLS handshake.
    private static func openDirect(
        to url: HTTPURL, resolver: ClientAddressResolver, policy: EgressPolicy, tlsContext: ClientTLSContext, timer: ClientTimer
    ) throws(HTTPClientError) -> ClientConnection {
        let addresses = try resolver.resolve(host: url.host, port: url.port, timer: timer)
        var firstRefusal: EgressRefusal? = nil
        var lastFailure: HTTPClientError? = nil
        for address in addresses {
            // The policy is checked on this very address, before any packet is sent to it.
            if let refusal = policy.refusal(host: url.host, address: address.ipAddress) {
                firstRefusal = firstRefusal ?? refusal
                continue
            }
            do throws(HTTPClientError) {
                let fd = try connectSocket(to: address, host: url.host, port: url.port, timer: timer)
                return try finishOpening(fd: fd, url: url, key: ClientPoolKey(url), tlsContext: tlsContext, timer: timer)
            } catch {
                if case .exchangeTimeout = error { throw error }
                if case .tlsFailure = error { throw error }
                lastFailure = error
            }
        }
        if let lastFailure { throw lastFailure }
        guard let firstRefusal else { throw .dnsFailure(host: url.host, reason: "no usable address") }
        throw .egressRefused(firstRefusal)
    }

    /// The connection over the connected socket `fd`, after the TLS handshake for https; closes
    /// `fd` when the handshake fails.
    private static func finishOpening(
        fd: Int32, url: HTTPURL, key: ClientPoolKey, tlsContext: ClientTLSContext, timer: ClientTimer
    ) throws(HTTPClientError) -> ClientConnection {
        guard url.scheme == .https else { return ClientConnection(key: key, fd: fd, tls: nil) }
        do throws(HTTPClientError) {
            let session = try ClientTLSSession(context: tlsContext, fd: fd, url: url)
            try session.handshake(timer: timer)
            return ClientConnection(key: key, fd: fd, tls: session)
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    /// A non-blocking connect polled for the connect timeout (connect(2) `EINPROGRESS`).
    static func connectSocket(
        to address: ClientSocketAddress, host: String, port: Int, timer: ClientTimer
    ) throws(HTTPClientError) -> Int32 {
        let type = Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
        let fd: Int32
        do throws(SystemError) {
            fd = try systemCall("socket") { socket(address.family, type, 0) }
        } catch {
            throw .connectFailed(host: host, port: port, reason: error.description)
        }
        var succeeded = false
        defer { if !succeeded { Glibc.close(fd) } }
        let result = address.withSocketAddress { Glibc.connect(fd, $0, $1) }
        if result != 0 {
            // EINTR leaves a non-blocking connect going on, as EINPROGRESS does.
            guard errno == EINPROGRESS || errno == EINTR else {
                throw .connectFailed(host: host, port: port, reason: "\(address.ipAddress): \(String(cString: strerror(errno)))")
            }
            try timer.waitUntilReady(fd, events: Int16(POLLOUT), for: .connect, host: host, port: port)
            var socketError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length)
            guard socketError == 0 else {
                throw .connectFailed(
                    host: host, port: port, reason: "\(address.ipAddress): \(String(cString: strerror(socketError)))")
            }
        }
        // Requests go out in one write; Nagle's delay would only hold back the last segment.
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        succeeded = true
        return fd
    }

    /// Starts an exchange: resets the per-exchange byte count.
    func beginExchange() {
        bytesReceivedInExchange = 0
    }

    /// Sends all of `bytes`, waiting (within the read timeout) when the socket buffer is full.
    func write(_ bytes: [UInt8], timer: ClientTimer) throws(HTTPClientError) {
        var offset = 0
        while offset < bytes.count {
            let outcome = bytes.withUnsafeBytes { buffer in
                Result { () throws(HTTPClientError) -> Int in
                    let remaining = UnsafeRawBufferPointer(rebasing: buffer[offset...])
                    if let tls { return try tls.write(remaining, timer: timer) }
                    return try plainTransfer("send", timer: timer, events: Int16(POLLOUT)) {
                        send(fd, remaining.baseAddress, remaining.count, Int32(MSG_NOSIGNAL))
                    }
                }
            }
            offset += try outcome.get()
        }
    }

    /// Reads what has arrived into `buffer` (waiting within the read timeout); 0 at end of stream.
    func read(into buffer: UnsafeMutableRawBufferPointer, timer: ClientTimer) throws(HTTPClientError) -> Int {
        let count: Int
        if let tls {
            count = try tls.read(into: buffer, timer: timer)
        } else {
            count = try plainTransfer("recv", timer: timer, events: Int16(POLLIN)) { recv(fd, buffer.baseAddress, buffer.count, 0) }
        }
        bytesReceivedInExchange += count
        return count
    }

    private func plainTransfer(
        _ name: StaticString, timer: ClientTimer, events: Int16, _ call: () -> Int
    ) throws(HTTPClientError) -> Int {
        while true {
            let result: NonBlockingResult
            do throws(SystemError) {
                result = try nonBlockingCall(name, call)
            } catch {
                throw .connectionLost(host: key.host, reason: error.description)
            }
            switch result {
            case .done(let count): return count
            case .wouldBlock: try timer.waitUntilReady(fd, events: events, for: .io, host: key.host, port: key.port)
            }
        }
    }

    /// Whether an idle connection can no longer carry a request: the server closed it or sent
    /// bytes nobody asked for. Checked before reuse with a zero-time poll.
    var isStale: Bool {
        guard fd >= 0 else { return true }
        if let tls, tls.hasBufferedBytes { return true }
        let readable: Bool
        do throws(SystemError) {
            readable = try ClientTimer.poll(fd, events: Int16(POLLIN), milliseconds: 0)
        } catch {
            return true
        }
        guard readable else { return false }
        return tls?.receivedSomethingWhileIdle ?? true
    }

    /// Closes the socket (after a TLS close_notify when it can be sent at once). Idempotent.
    func close() {
        guard fd >= 0 else { return }
        tls?.shutdown()
        Glibc.close(fd)
        fd = -1
    }
}
