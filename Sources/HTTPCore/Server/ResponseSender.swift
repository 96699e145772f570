#if canImport(Glibc)
import Glibc
#endif

/// Writes a response to a non-blocking socket in as few calls as it can: one `writev` of head
/// and body, or the head then `sendfile` for a file body. What the socket does not take comes
/// back as an ``OutputQueue`` for the I/O loop to finish when the socket is writable.
///
/// Each I/O loop and each worker thread owns one, so the head buffer is reused without a lock.
struct ResponseSender {
    enum Outcome: Sendable {
        case complete
        case partial(OutputQueue)
        case failed(SystemError)
    }

    private var writer = HTTPResponseWriter()
    let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Sends `response` to a request of `method` and `version`; `direct` false queues everything
    /// (the connection still has older output to send first).
    mutating func send(
        _ response: HTTPResponse, method: HTTPMethod, version: HTTPVersion, closing: Bool,
        to socket: Int32, direct: Bool
    ) -> Outcome {
        var response = response
        var file: Int32 = -1
        if case .file(let path, let offset, let length) = response.body {
            file = Self.openFile(path, offset: offset, length: length)
            if file < 0 {
                logger.error("file body unreadable", ["path": path, "errno": String(errno)])
                response = HTTPResponse(status: .internalServerError, contentType: "text/plain; charset=utf-8", body: "500 Internal Server Error\n")
            }
        }
        let sendsBody = writer.writeHead(response, method: method, version: version, closing: closing)
        var queue = OutputQueue()
        if !direct {
            queue.append(writer.head)
            queueBody(response.body, file: file, sendsBody: sendsBody, from: 0, into: &queue)
            return .partial(queue)
        }
        do {
            var written = 0
            if sendsBody, case .bytes(let body) = response.body {
                if case .done(let count) = try Self.writeVector(writer.head, body, to: socket) { written = count }
            } else if case .done(let count) = try nonBlockingCall("write", { writer.head.withUnsafeBytes { write(socket, $0.baseAddress, $0.count) } }) {
                written = count
            }
            let headCount = writer.head.count
            if written < headCount {
                queue.append(writer.head, from: written)
                queueBody(response.body, file: file, sendsBody: sendsBody, from: 0, into: &queue)
            } else {
                queueBody(response.body, file: file, sendsBody: sendsBody, from: written - headCount, into: &queue)
            }
            if queue.isEmpty { return .complete }
            if try queue.flush(to: socket) == .drained { return .complete }
            return .partial(queue)
        } catch {
            queue.discard()
            return .failed(error)
        }
    }

    /// Sends `100 Continue` (RFC 9110 §10.1.1) before the client sends the body it announced.
    mutating func sendContinue(to socket: Int32, direct: Bool) -> Outcome {
        writer.writeContinue()
        var queue = OutputQueue()
        guard direct else {
            queue.append(writer.head)
            return .partial(queue)
        }
        do {
            let result = try nonBlockingCall("write") { writer.head.withUnsafeBytes { write(socket, $0.baseAddress, $0.count) } }
            let written = if case .done(let count) = result { count } else { 0 }
            queue.append(writer.head, from: written)
            return queue.isEmpty ? .complete : .partial(queue)
        } catch {
            return .failed(error)
        }
    }

    /// Queues the body's unsent part (bytes from `sent`), or closes an unsent file.
    private func queueBody(_ body: HTTPBody, file: Int32, sendsBody: Bool, from sent: Int, into queue: inout OutputQueue) {
        switch body {
        case .bytes(let bytes):
            if sendsBody { queue.append(bytes, from: sent) }
        case .file(_, let offset, let length):
            guard file >= 0 else { return }
            if sendsBody {
                queue.append(file: file, offset: offset, remaining: length)
            } else {
                close(file)
            }
        }
    }

    /// `writev` of head and body: one syscall for the whole response.
    private static func writeVector(_ head: [UInt8], _ body: [UInt8], to socket: Int32) throws(SystemError) -> NonBlockingResult {
        try nonBlockingCall("writev") {
            head.withUnsafeBytes { headBytes in
                body.withUnsafeBytes { bodyBytes in
                    var vectors = (
                        iovec(iov_base: UnsafeMutableRawPointer(mutating: headBytes.baseAddress), iov_len: headBytes.count),
                        iovec(iov_base: UnsafeMutableRawPointer(mutating: bodyBytes.baseAddress), iov_len: bodyBytes.count)
                    )
                    return withUnsafeMutableBytes(of: &vectors) { raw in
                        writev(socket, raw.baseAddress?.assumingMemoryBound(to: iovec.self), 2)
                    }
                }
            }
        }
    }

    /// Opens a file body, checking that the region exists; -1 when it cannot be served.
    private static func openFile(_ path: String, offset: Int, length: Int) -> Int32 {
        guard offset >= 0, length >= 0 else { return -1 }
        let descriptor = (try? systemCall("open") { open(path, O_RDONLY | O_CLOEXEC) }) ?? -1
        guard descriptor >= 0 else { return -1 }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) >= offset + length else {
            close(descriptor)
            return -1
        }
        return descriptor
    }
}
