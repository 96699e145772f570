#if canImport(Glibc)
import Glibc
#endif

/// A failure of the test client, with what it was doing.
struct RawClientError: Error, CustomStringConvertible {
    let description: String
}

/// A response as read off the wire by ``RawClient``.
struct RawResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A blocking loopback socket client that writes raw bytes and reads raw responses; every
/// read is bounded by `SO_RCVTIMEO`, so a test never hangs.
///
/// One thread may send while another reads (sending touches only the descriptor; the read
/// buffer belongs to the reading thread), hence `@unchecked Sendable`.
final class RawClient: @unchecked Sendable {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; `receiveBufferSize` shrinks the kernel's receive buffer
    /// (a client that reads slowly).
    init(port: Int, timeout: Duration = .seconds(5), receiveBufferSize: Int32? = nil) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawClientError(description: "socket: errno \(errno)") }
        if var size = receiveBufferSize {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var time = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        // No close here: the object is complete, so deinit closes the descriptor (closing it
        // twice could close another thread's newly opened descriptor).
        guard result == 0 else { throw RawClientError(description: "connect: errno \(errno)") }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw RawClientError(description: "send: errno \(errno)") }
            offset += written
        }
    }

    /// Reads more bytes into the buffer; false at end of stream (or reset).
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
        if count == 0 || errno == ECONNRESET { return false }
        throw RawClientError(description: "recv: errno \(errno) (timed out?)")
    }

    /// Reads one response: status line, headers, then a Content-Length body (none for HEAD,
    /// 1xx, 204, 304 or when `bodyless`).
    func readResponse(bodyless: Bool = false) throws -> RawResponse {
        var headEnd: Int?
        while true {
            if let end = Self.find([13, 10, 13, 10], in: buffer) {
                headEnd = end
                break
            }
            guard try fill() else { throw RawClientError(description: "closed before a response head: \(String(decoding: buffer, as: UTF8.self))") }
        }
        guard let headEnd else { throw RawClientError(description: "no head") }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawClientError(description: "bad status line in \(head)")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: " "))
        }
        var response = RawResponse(status: status, headers: headers, body: [])
        let length = bodyless || status < 200 || status == 204 || status == 304 ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
        while buffer.count < length {
            guard try fill() else { throw RawClientError(description: "closed after \(buffer.count) of \(length) body bytes") }
        }
        response.body = Array(buffer[..<length])
        buffer.removeFirst(length)
        return response
    }

    /// Whether the server closed the connection (end of stream or reset) before the read timeout;
    /// any bytes read on the way are dropped.
    func waitForClose() -> Bool { readUntilClose().closed }

    /// Reads until the server closes or a read times out: how many bytes came, and which.
    func readUntilClose() -> (bytes: Int, closed: Bool) {
        var total = buffer.count
        buffer = []
        while true {
            do {
                if try !fill() { return (total + buffer.count, true) }
            } catch {
                return (total + buffer.count, false)
            }
            total += buffer.count
            buffer = []
        }
    }

    /// Whether a response (or any byte) is waiting right now, without blocking.
    func hasDataWaiting() -> Bool {
        if !buffer.isEmpty { return true }
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) > 0
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return String(text)
    }
}
