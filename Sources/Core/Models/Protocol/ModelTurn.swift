/// What a model answered in one step.
public enum ModelTurn: Sendable, Hashable {
    /// A reply to show the person.
    case text(String)
    /// One or more tools to run (a provider may ask for several in one turn).
    case toolCalls([ToolCall])
    /// The right tool was found but required parameters are missing: ask for them with a form.
    case missingParameters(ParameterRequest)
}
