/// What the admin chose in the review and authorization steps (and edits later): everything
/// but the secrets, which travel separately as ``CredentialSecrets``.
public struct IntegrationChoices: Sendable, Hashable {
    /// The integration's name.
    public var name: String
    /// Its description.
    public var description: String
    /// The base URL (http or https).
    public var baseURL: String
    /// Whose credentials are used.
    public var scope: IntegrationScope
    /// How it authenticates.
    public var auth: AuthConfiguration
    /// The name and enabled state of each detected action (by operation key); ignored by
    /// ``IntegrationStore/updateSettings(_:_:secrets:by:)``, which leaves actions alone.
    public var actions: [ActionChoice]

    /// Creates choices.
    public init(
        name: String, description: String, baseURL: String, scope: IntegrationScope, auth: AuthConfiguration,
        actions: [ActionChoice] = []
    ) {
        self.name = name
        self.description = description
        self.baseURL = baseURL
        self.scope = scope
        self.auth = auth
        self.actions = actions
    }
}

/// The admin's choice for one action.
public struct ActionChoice: Sendable, Hashable {
    /// Which action: its operation key (at creation) or its id (when editing).
    public var operationKey: String
    /// Its name.
    public var name: String
    /// Whether agents may use it.
    public var isEnabled: Bool
    /// Read/write override: nil keeps the schema's.
    public var writeOverride: Bool?

    /// Creates a choice.
    public init(operationKey: String, name: String, isEnabled: Bool, writeOverride: Bool? = nil) {
        self.operationKey = operationKey
        self.name = name
        self.isEnabled = isEnabled
        self.writeOverride = writeOverride
    }
}
