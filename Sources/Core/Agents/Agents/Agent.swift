import Foundation

/// An AI agent of a company: a name, what it is for, the instructions its model follows, and
/// which model answers ("offline" for the built-in one, else the provider's model name).
public struct Agent: Sendable, Hashable {
    /// The model name of the built-in offline model, the default.
    public static let offlineModel = "offline"

    /// The id.
    public var id: String
    /// The name shown in lists ("Billing helper").
    public var name: String
    /// What the agent is for, shown to members.
    public var description: String
    /// The instructions given to the model as its system message.
    public var instructions: String
    /// "offline", or a provider's model name ("gpt-4o-mini").
    public var model: String
    /// Who created it (nil once that user is deleted).
    public var createdBy: String?
    /// When it was created.
    public var createdAt: Date
    /// When it was last changed.
    public var updatedAt: Date

    /// Whether the built-in offline model answers.
    public var usesOfflineModel: Bool { model == Self.offlineModel }
}
