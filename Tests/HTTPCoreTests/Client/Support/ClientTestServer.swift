import Foundation
import Synchronization

/// A raw-socket HTTP server on 127.0.0.1, port 0, for the client tests: each accepted
/// connection runs `handler` on its own thread, so a test scripts exactly the bytes sent back
/// (stalls, chunking, early close). ``stop()`` closes everything and waits, bounded, for threads.
final class ClientTestServer: Sendable {
    let port: Int
    private let listener: Int32
    /// Guards the open connection sockets and the accepted-connection count.
    private let state = Mutex<(open: Set<Int32>, accepted: Int)>(([], 0))
    private let threads = DispatchGroup()

    /// How many connections were accepted so far.
    var acceptedConnections: Int { state.withLock { $0.accepted } }

    init(handler: @escaping @Sendable (ClientTestConnection) -> Void) throws {
        (listener, port) = try ClientTestSocket.listen(backlog: 16)
        threads.enter()
        let listener = self.listener
        Thread.detachNewThread { [self] in
            defer { threads.leave() }
            while true {
                let fd = accept(listener, nil, nil)
                if fd < 0 {
                    if errno == EINTR { continue }
                    return
                }
                state.withLock {
                    $0.open.insert(fd)
                    $0.accepted += 1
                }
                threads.enter()
                Thread.detachNewThread { [self] in
                    defer { threads.leave() }
                    let connection = ClientTestConnection(fd: fd)
                    handler(connection)
                    state.withLock { _ = $0.open.remove(fd) }
                    connection.close()
                }
            }
        }
    }

    /// Stops accepting, cuts every open connection, and waits up to five seconds for the threads.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        state.withLock { for fd in $0.open { shutdown(fd, Int32(SHUT_RDWR)) } }
        _ = threads.wait(timeout: .now() + 5)
    }
}

/// One accepted connection of a ``ClientTestServer``; reads time out after five seconds.
final class ClientTestConnection: @unchecked Sendable {
    fileprivate let fd: Int32
    private var buffer: [UInt8] = []
    private let closed = Mutex(false)

    init(fd: Int32) {
        self.fd = fd
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next request (head and `Content-Length` body), or nil when the client closed or stalled.
    func readRequest() -> ClientTestRequest? {
        let terminator = Array("\r\n\r\n".utf8)
        var headEnd: Int? = nil
        while headEnd == nil {
            headEnd = buffer.indices.dropLast(3).first { Array(buffer[$0..<($0 + 4)]) == terminator }
            if headEnd == nil && !receive() { return nil }
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: buffer[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        let bodyStart = headEnd + 4
        while buffer.count < bodyStart + length {
            if !receive() { return nil }
        }
        let request = ClientTestRequest(
            method: requestLine.count > 0 ? String(requestLine[0]) : "",
            target: requestLine.count > 1 ? String(requestLine[1]) : "",
            headers: headers, body: Array(buffer[bodyStart..<(bodyStart + length)]))
        buffer.removeFirst(bodyStart + length)
        return request
    }

    private func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    func write(_ text: String) {
        write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            offset += count
        }
    }

    /// A response with a `Content-Length` body.
    func respond(status: String = "200 OK", headers: [String] = [], body: String = "") {
        let head = (["HTTP/1.1 \(status)", "Content-Length: \(body.utf8.count)"] + headers).joined(separator: "\r\n")
        write(head + "\r\n\r\n" + body)
    }

    /// Waits until the client closes its side (or five seconds pass), for tests that must not
    /// close first.
    func waitForClientClose() {
        while receive() {}
    }

    func close() {
        closed.withLock { isClosed in
            guard !isClosed else { return }
            isClosed = true
            Glibc.close(fd)
        }
    }
}

/// What a ``ClientTestServer`` received: header names in lower case.
struct ClientTestRequest: Sendable {
    let method: String
    let target: String
    let headers: [String: String]
    let body: [UInt8]
}

/// Socket helpers for the client tests.
enum ClientTestSocket {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A listening socket on 127.0.0.1 with a free port.
    static func listen(backlog: Int32) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, backlog) == 0 else {
            close(fd)
            throw Failure(description: "bind or listen failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}

extension ClientTestConnection {
    /// Writes `text`; false once the client has gone.
    func writeChecked(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }
}
