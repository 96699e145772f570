import Foundation

/// The limits of agent turns.
public struct AgentRunnerConfiguration: Sendable, Hashable {
    /// How long a write waits for Confirm before it can no longer run (15 minutes).
    public var pendingActionLifetime: TimeInterval
    /// The most model calls in one turn (``ModelLoop/maximumSteps``).
    public var maximumSteps: Int
    /// How much of a response body a result card previews, in characters.
    public var bodyPreviewCharacters: Int

    /// Creates a configuration.
    public init(pendingActionLifetime: TimeInterval = 15 * 60, maximumSteps: Int = 4, bodyPreviewCharacters: Int = 2_000) {
        self.pendingActionLifetime = pendingActionLifetime
        self.maximumSteps = maximumSteps
        self.bodyPreviewCharacters = bodyPreviewCharacters
    }
}
