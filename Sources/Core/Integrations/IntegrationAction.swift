import Foundation
import OpenAPI

/// One operation of an integration, callable by agents.
public struct IntegrationAction: Sendable, Hashable {
    /// The action's id (unique within the company).
    public var id: String
    /// The integration it belongs to.
    public var integrationID: String
    /// Its identity across re-imports (`OperationIdentity.key`).
    public var operationKey: String
    /// Its name, generated or given by the admin (1 to 64 characters, unique in the integration).
    public var name: String
    /// What it does, from the operation's summary or description.
    public var description: String
    /// The HTTP method.
    public var method: APIOperation.Method
    /// The path template.
    public var path: String
    /// Whether the schema makes it a write (method, or `x-openai-isConsequential`).
    public var schemaIsWrite: Bool
    /// The admin's override: true "has side effects", false "only reads", nil "as the schema says".
    public var writeOverride: Bool?
    /// Whether agents may use it.
    public var isEnabled: Bool
    /// The translated operation the executor builds requests from.
    public var operation: APIOperation

    /// Whether running it needs the user's confirmation: the override when set, else the schema.
    public var isWrite: Bool { writeOverride ?? schemaIsWrite }
}
