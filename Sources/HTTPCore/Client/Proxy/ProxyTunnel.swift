import Glibc

/// Opens a tunnel through a forward proxy with `CONNECT host:port` (RFC 9110 §9.3.6) on a
/// connected socket, before the TLS handshake with the target.
///
/// The waits count as connecting (the connect timeout bounds them), and the proxy's response
/// head is consumed exactly, so the first byte left on the socket is the target's.
enum ProxyTunnel {
    /// Sends `CONNECT` for `url`'s host and port and reads the proxy's answer; 2xx opens the
    /// tunnel, any other status is ``HTTPClientError/proxyRefused(target:status:)``.
    static func establish(fd: Int32, to url: HTTPURL, through proxy: ProxyConfiguration, timer: ClientTimer) throws(HTTPClientError) {
        // RFC 9112 §3.2.3: authority-form, an IPv6 address in brackets.
        let target = url.host.contains(":") ? "[\(url.host)]:\(url.port)" : "\(url.host):\(url.port)"
        var request = "CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\n"
        if let authorization = proxy.authorization { request += "Proxy-Authorization: \(authorization)\r\n" }
        request += "User-Agent: \(timer.configuration.userAgent)\r\n\r\n"
        try send(Array(request.utf8), fd: fd, proxy: proxy, timer: timer)

        let headBytes = try readHead(fd: fd, proxy: proxy, timer: timer)
        var parser = ClientResponseParser(
            requestMethod: HTTPMethod(rawValue: "CONNECT"), maxHeadBytes: timer.configuration.maxResponseHeadBytes)
        parser.append(headBytes)
        let event: ClientResponseParser.Event?
        do throws(ClientResponseParser.Failure) {
            event = try parser.next()
        } catch {
            throw .malformedResponse(host: proxy.host, reason: "the answer to CONNECT: \(error.reason)")
        }
        guard case .head(let head) = event else {
            throw .malformedResponse(host: proxy.host, reason: "the answer to CONNECT has no complete head")
        }
        guard (200..<300).contains(head.status.code) else { throw .proxyRefused(target: target, status: head.status) }
    }

    private static func send(_ bytes: [UInt8], fd: Int32, proxy: ProxyConfiguration, timer: ClientTimer) throws(HTTPClientError) {
        var offset = 0
        while offset < bytes.count {
            let result = try call("send", proxy: proxy) {
                bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
            if let count = result {
                offset += count
            } else {
                try timer.waitUntilReady(fd, events: Int16(POLLOUT), for: .connect, host: proxy.host, port: proxy.port)
            }
        }
    }

    /// The response head up to and including its blank line, and not one byte more: the socket
    /// is peeked, and only the head is taken from it.
    private static func readHead(fd: Int32, proxy: ProxyConfiguration, timer: ClientTimer) throws(HTTPClientError) -> [UInt8] {
        let limit = timer.configuration.maxResponseHeadBytes
        var head: [UInt8] = []
        var peeked = [UInt8](repeating: 0, count: 4096)
        while true {
            let peek = try call("recv", proxy: proxy) {
                peeked.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_PEEK)) }
            }
            guard let count = peek else {
                try timer.waitUntilReady(fd, events: Int16(POLLIN), for: .connect, host: proxy.host, port: proxy.port)
                continue
            }
            guard count > 0 else {
                throw .connectionLost(host: proxy.host, reason: "the proxy closed the connection without answering CONNECT")
            }
            let searchStart = max(0, head.count - 3)
            let combined = head + peeked[..<count]
            let end = combined.indices.dropFirst(searchStart).dropLast(3).first { index in
                combined[index] == 0x0D && combined[index + 1] == 0x0A && combined[index + 2] == 0x0D && combined[index + 3] == 0x0A
            }
            let take = end.map { $0 + 4 - head.count } ?? count
            let received = try call("recv", proxy: proxy) {
                peeked.withUnsafeMutableBytes { recv(fd, $0.baseAddress, take, 0) }
            }
            // The peeked bytes are there, so this read takes them at once.
            guard let received, received == take else {
                throw .connectionLost(host: proxy.host, reason: "the answer to CONNECT could not be read")
            }
            head += peeked[..<take]
            if end != nil { return head }
            guard head.count <= limit else {
                throw .malformedResponse(host: proxy.host, reason: "the answer to CONNECT is longer than \(limit) bytes")
            }
        }
    }

    /// A non-blocking socket call: the byte count, or nil when it would block.
    private static func call(_ name: StaticString, proxy: ProxyConfiguration, _ body: () -> Int) throws(HTTPClientError) -> Int? {
        do throws(SystemError) {
            switch try nonBlockingCall(name, body) {
            case .done(let count): return count
            case .wouldBlock: return nil
            }
        } catch {
            throw .connectionLost(host: proxy.host, reason: error.description)
        }
    }
}
