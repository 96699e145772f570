import Foundation
import Synchronization

/// One lock per credential, so threads of this process refresh a credential one at a time
/// (the database's version check covers other processes).
public final class RefreshLocks: Sendable {
    /// The locks by credential key; guarded by its own mutex. Entries are a few bytes per
    /// connection ever refreshed, so they are kept.
    private let locks = Mutex<[String: NSLock]>([:])

    /// The locks every ``RefreshingTokenProvider`` of this process shares by default.
    public static let shared = RefreshLocks()

    /// Creates an empty set; a separate set behaves like another process (tests use that).
    public init() {}

    /// Runs `body` holding the lock of `key`.
    func withLock<Result>(_ key: String, _ body: () throws -> Result) rethrows -> Result {
        let lock = locks.withLock { locks in
            if let lock = locks[key] { return lock }
            let lock = NSLock()
            locks[key] = lock
            return lock
        }
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
