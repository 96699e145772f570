extension Database {
    /// How a database's connections are opened.
    public struct Configuration: Sendable {
        /// How many reader connections serve `read` (at least 1).
        public var readers: Int
        /// How long a connection waits for another process's lock before SQLITE_BUSY.
        public var busyTimeoutMilliseconds: Int
        /// When SQLite waits for the disk.
        public var synchronous: Synchronous

        /// Creates a configuration; the defaults suit the server.
        public init(readers: Int = 4, busyTimeoutMilliseconds: Int = 5_000, synchronous: Synchronous = .full) {
            self.readers = readers
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.synchronous = synchronous
        }
    }

    /// `PRAGMA synchronous` levels that are safe in WAL mode (https://sqlite.org/pragma.html#pragma_synchronous).
    ///
    /// Both keep the file consistent after a process crash or a power loss. They differ in
    /// durability: with `normal` the last transactions before a power loss (not a process crash)
    /// may roll back, because the WAL is only synced at checkpoints; with `full` the WAL is synced
    /// at every commit. The default is `full`, because some of our commits record facts the
    /// outside world has already acted on: a rotated OAuth refresh token (the provider has
    /// invalidated the old one, so losing the commit breaks the connection) and a confirmed
    /// pending action (losing "confirmed" could let a second click run it twice). A commit then
    /// costs one fsync, which batching writes into transactions amortises.
    public enum Synchronous: String, Sendable {
        /// Sync the WAL at every commit: committed transactions survive power loss.
        case full = "FULL"
        /// Sync only at checkpoints: consistent, but the last commits may vanish on power loss.
        case normal = "NORMAL"
    }
}
