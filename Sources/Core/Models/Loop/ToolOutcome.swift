/// What the agents layer did with one tool call in ``ModelLoop``.
public enum ToolOutcome: Sendable, Hashable {
    /// The call ran (or failed, or was declined): its redacted result goes back to the model.
    case completed(ToolResult)
    /// The turn stops here: a write waits for the user's confirmation, or a per-user action
    /// waits for the user to connect. `reason` is the caller's own, handed back in ``TurnOutcome``.
    case stop(reason: String)
}
