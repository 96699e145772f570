/// The executor's limits.
public struct ActionExecutorConfiguration: Sendable, Hashable {
    /// The most bytes of body text handed on (to the model, the page); the rest is left out
    /// with a note saying how much.
    public var responseBudgetBytes: Int
    /// The largest response read at all; beyond it the run fails with "response too large".
    public var maximumResponseBytes: Int

    /// Creates limits: 16 KB of text, 10 MiB read.
    public init(responseBudgetBytes: Int = 16 * 1024, maximumResponseBytes: Int = 10 << 20) {
        self.responseBudgetBytes = responseBudgetBytes
        self.maximumResponseBytes = maximumResponseBytes
    }
}
