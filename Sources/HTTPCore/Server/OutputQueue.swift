#if canImport(Glibc)
import Glibc
#endif

/// Response bytes the socket did not take yet, in order: memory and file regions.
///
/// Owns the file descriptors of its file segments; ``discard()`` closes them.
struct OutputQueue: Sendable {
    enum Segment: Sendable {
        case bytes([UInt8], offset: Int)
        case file(descriptor: Int32, offset: Int, remaining: Int)
    }

    enum FlushResult: Equatable {
        case drained
        case wouldBlock(progress: Bool)
    }

    private(set) var segments: [Segment] = []
    private var first = 0

    var isEmpty: Bool { first == segments.count }

    mutating func append(_ bytes: [UInt8], from offset: Int = 0) {
        if offset < bytes.count { segments.append(.bytes(bytes, offset: offset)) }
    }

    /// Queues `remaining` bytes of an open file; the queue closes it when sent or discarded.
    mutating func append(file descriptor: Int32, offset: Int, remaining: Int) {
        if remaining > 0 {
            segments.append(.file(descriptor: descriptor, offset: offset, remaining: remaining))
        } else {
            close(descriptor)
        }
    }

    mutating func append(contentsOf other: OutputQueue) {
        segments.append(contentsOf: other.segments[other.first...])
    }

    /// Writes until everything is sent or the socket would block; memory with `write`, files
    /// with `sendfile` (no copy through user space).
    mutating func flush(to socket: Int32) throws(SystemError) -> FlushResult {
        var progress = false
        while first < segments.count {
            switch segments[first] {
            case .bytes(let bytes, let offset):
                let result = try nonBlockingCall("write") {
                    bytes.withUnsafeBytes { write(socket, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
                }
                guard case .done(let written) = result else { return .wouldBlock(progress: progress) }
                progress = true
                if offset + written < bytes.count {
                    segments[first] = .bytes(bytes, offset: offset + written)
                    continue
                }
            case .file(let descriptor, let offset, let remaining):
                var position = off_t(offset)
                let result = try nonBlockingCall("sendfile") { sendfile(socket, descriptor, &position, remaining) }
                guard case .done(let written) = result else { return .wouldBlock(progress: progress) }
                // A file that shrank since its length was taken would never finish: fail the connection.
                if written == 0 { throw SystemError(call: "sendfile", errno: EIO) }
                progress = true
                if written < remaining {
                    segments[first] = .file(descriptor: descriptor, offset: offset + written, remaining: remaining - written)
                    continue
                }
                close(descriptor)
            }
            first += 1
        }
        segments.removeAll(keepingCapacity: true)
        first = 0
        return .drained
    }

    /// Drops what is left, closing any file still open.
    mutating func discard() {
        while first < segments.count {
            if case .file(let descriptor, _, _) = segments[first] { close(descriptor) }
            first += 1
        }
        segments.removeAll()
        first = 0
    }
}
