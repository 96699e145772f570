import Foundation

/// What a conversation shows besides text: the result of an action, a write waiting for
/// confirmation, a prompt to connect an account, or a form for missing parameters.
///
/// Stored as JSON in `messages.card`; the statuses of confirmation and connect cards are read
/// from their pending action when the conversation is read, so they are always current.
public enum ConversationCard: Sendable, Hashable, Codable {
    /// An action ran (or could not): status, duration, a body preview and the summary.
    case actionResult(ActionResultCard)
    /// A write waits for the member's Confirm or Cancel.
    case confirmation(ConfirmationCard)
    /// A per-user action waits for the member to connect their account.
    case connect(ConnectCard)
    /// The model needs required parameters the message did not give.
    case parameters(ParametersCard)
}

/// The result of one action run, as a card.
public struct ActionResultCard: Sendable, Hashable, Codable {
    /// The action's id.
    public var actionID: String
    /// Its human name.
    public var actionName: String
    /// The HTTP method.
    public var method: String
    /// The path template.
    public var path: String
    /// The response status, nil when there was no response.
    public var status: Int?
    /// How long the call took, nil when it did not run.
    public var durationMilliseconds: Int?
    /// The start of the (redacted) response body, or why there was no answer.
    public var bodyPreview: String
    /// A note about the body (truncated, binary), if any.
    public var note: String?
    /// Whether it failed (an error status, no answer, declined).
    public var isError: Bool
    /// The readable answer: headline, key fields, table, raw JSON.
    public var summary: Summary?
}

/// A write action waiting for the member's decision: exactly what will be sent, secrets redacted.
public struct ConfirmationCard: Sendable, Hashable, Codable {
    /// The pending action to confirm or cancel.
    public var pendingActionID: String
    /// The action's id.
    public var actionID: String
    /// Its human name ("Create Invoice").
    public var actionName: String
    /// The integration's name.
    public var integrationName: String
    /// The HTTP method.
    public var method: String
    /// The URL that will be called (an API key in the query shown as `[redacted]`).
    public var url: String
    /// The headers that will be sent (credential values shown as `[redacted]`).
    public var headers: [NameValue]
    /// The body that will be sent.
    public var body: String
    /// The arguments the model chose, as JSON.
    public var argumentsJSON: String
    /// When the member can no longer confirm it.
    public var expiresAt: Date
    /// Pending, confirmed, cancelled… (current when read from ``ConversationStore``).
    public var status: PendingActionStatus
}

/// A per-user action waiting for the member's own connection.
public struct ConnectCard: Sendable, Hashable, Codable {
    /// The pending action to resume once connected.
    public var pendingActionID: String
    /// The integration to connect.
    public var integrationID: String
    /// Its name.
    public var integrationName: String
    /// The action that waits.
    public var actionName: String
    /// "Connect Acme HR to continue."
    public var message: String
    /// Awaiting the connection, or what happened since (current when read).
    public var status: PendingActionStatus
}

/// A small form for the required parameters a message did not give.
public struct ParametersCard: Sendable, Hashable, Codable {
    /// The tool, the arguments found so far, and the missing parameters (label and type each).
    public var request: ParameterRequest
    /// Whether the form was submitted (it is then shown read-only).
    public var isAnswered: Bool
}
