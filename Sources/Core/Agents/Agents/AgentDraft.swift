import Foundation

/// The fields of the agent form, as typed; ``AgentStore`` checks them.
public struct AgentDraft: Sendable, Hashable {
    /// The name: 1 to 200 characters after trimming.
    public var name: String
    /// What the agent is for: at most 2,000 characters.
    public var description: String
    /// The model's instructions: at most 20,000 characters.
    public var instructions: String
    /// "offline" (or empty, meaning offline) or a provider model name: letters, digits and `._:/-`.
    public var model: String

    /// Creates a draft.
    public init(name: String, description: String = "", instructions: String = "", model: String = Agent.offlineModel) {
        self.name = name
        self.description = description
        self.instructions = instructions
        self.model = model
    }

    /// The draft of an existing agent, for the edit form.
    public init(_ agent: Agent) {
        self.init(name: agent.name, description: agent.description, instructions: agent.instructions, model: agent.model)
    }

    /// The checked, trimmed fields, or every problem next to its field
    /// (`name`, `description`, `instructions`, `model`).
    func validated() throws(FormErrors) -> AgentDraft {
        var problems: [FieldError] = []
        var checked = self
        switch AccountRules.name(name, field: "name", label: "a name", limit: 200) {
        case .success(let name): checked.name = name
        case .failure(let problem): problems.append(problem)
        }
        checked.description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        if checked.description.count > 2_000 {
            problems.append(FieldError(field: "description", message: "Keep the description under 2,000 characters."))
        }
        checked.instructions = instructions.trimmingCharacters(in: .whitespacesAndNewlines)
        if checked.instructions.count > 20_000 {
            problems.append(FieldError(field: "instructions", message: "Keep the instructions under 20,000 characters."))
        }
        let model = model.trimmingCharacters(in: .whitespacesAndNewlines)
        checked.model = model.isEmpty ? Agent.offlineModel : model
        let allowed = checked.model.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._:/-".unicodeScalars.contains(scalar))
        }
        if !allowed || checked.model.count > 100 {
            problems.append(
                FieldError(field: "model", message: "Enter \"offline\" or a model name of letters, digits and . _ : / - (at most 100)."))
        }
        guard problems.isEmpty else { throw FormErrors(problems) }
        return checked
    }
}
