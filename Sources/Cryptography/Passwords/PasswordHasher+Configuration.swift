extension PasswordHasher {
    /// argon2id cost parameters (RFC 9106 §3.1).
    ///
    /// The defaults — 64 MiB, 3 passes, 2 lanes — follow RFC 9106 §4's second recommended option
    /// (64 MiB, t = 3) with one lane per core of the 2-core machine this runs on, where a hash
    /// measured 75–90 ms at best and 110–140 ms on average (libargon2 20171227, December 2026,
    /// with other builds sharing the cores); t = 2 measured 57 ms and p = 1 135 ms. More memory raises
    /// an attacker's cost most; keep the time near 100 ms so a sign-in stays quick and a burst of sign-ins cannot exhaust the CPU.
    public struct Configuration: Sendable, Equatable {
        /// Memory in KiB (`m`).
        public var memoryKiB: UInt32
        /// Passes over memory (`t`).
        public var iterations: UInt32
        /// Lanes and threads (`p`).
        public var parallelism: UInt32
        /// Random salt length in bytes (RFC 9106 recommends 16).
        public var saltByteCount: Int
        /// Hash (tag) length in bytes.
        public var hashByteCount: Int

        /// Creates a configuration; see the type's documentation for the defaults.
        public init(
            memoryKiB: UInt32 = 65_536, iterations: UInt32 = 3, parallelism: UInt32 = 2,
            saltByteCount: Int = 16, hashByteCount: Int = 32
        ) {
            self.memoryKiB = memoryKiB
            self.iterations = iterations
            self.parallelism = parallelism
            self.saltByteCount = saltByteCount
            self.hashByteCount = hashByteCount
        }
    }
}
