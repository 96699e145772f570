#if canImport(Glibc)
import Glibc
#endif

/// A value guarded by a plain `pthread_mutex_t` (NIO's `NIOLock` habit).
///
/// Used on the hand-off path between I/O loops and workers instead of `Synchronization.Mutex`,
/// whose Linux implementation is a priority-inheritance futex: under contention every wait
/// goes through the kernel's rt-mutex, which measured several times slower here.
final class LockedValue<Value>: @unchecked Sendable {
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock.
    @inline(__always)
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
