import Foundation
import Synchronization

/// Collects log lines in memory and writes them to standard error in batches.
///
/// One `write` per request line, or one shared lock per line, cost a third of the server's
/// throughput on small responses. Each thread appends to a buffer of its own (its lock is only
/// ever contended by the writer thread, twenty times a second), and a background thread writes
/// whatever has gathered every 50 ms. Warnings and errors are written at once, after everything
/// queued before them, so nothing important waits. Call ``flush()`` before the process exits.
/// Lines of different threads may leave up to 50 ms out of order; each carries its own time.
public final class LogBuffer: Sendable {
    /// The process's buffer for standard error.
    public static let standardError = LogBuffer(fileDescriptor: 2)

    private let fileDescriptor: Int32
    /// Every thread's buffer, in the order threads first logged; guarded by the mutex.
    private let buffers = Mutex<[ThreadBuffer]>([])
    /// Serialises writers so batches never interleave.
    private let writing = Mutex(())
    private let key: pthread_key_t

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        self.key = key
        let thread = Thread { [self] in
            while true {
                usleep(50_000)
                flush()
            }
        }
        thread.name = "log-writer"
        thread.stackSize = 64 << 10
        thread.start()
    }

    /// Queues a line; writes at once when `urgent`.
    public func append(_ line: [UInt8], urgent: Bool) {
        threadBuffer().bytes.withLock { $0.append(contentsOf: line) }
        if urgent { flush() }
    }

    /// Writes everything queued so far.
    public func flush() {
        writing.withLock { _ in
            var batch: [UInt8] = []
            for buffer in buffers.withLock({ $0 }) {
                buffer.bytes.withLock { bytes in
                    batch.append(contentsOf: bytes)
                    bytes.removeAll(keepingCapacity: bytes.capacity <= 256 << 10)
                }
            }
            var offset = 0
            while offset < batch.count {
                let n = batch.withUnsafeBytes { write(fileDescriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// This thread's buffer, made and registered on its first line.
    private func threadBuffer() -> ThreadBuffer {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<ThreadBuffer>.fromOpaque(existing).takeUnretainedValue()
        }
        let buffer = ThreadBuffer()
        buffers.withLock { $0.append(buffer) }
        // The list keeps the buffer alive; the thread-specific slot only points at it.
        pthread_setspecific(key, Unmanaged.passUnretained(buffer).toOpaque())
        return buffer
    }
}

/// One thread's pending lines.
final class ThreadBuffer: Sendable {
    let bytes = Mutex<[UInt8]>([])
}
