import Core
import OpenAPI
import Templates
import Web

/// The review and authorization steps of adding an API: the values shown, read back from a post.
struct ReviewForm {
    var name: String
    var description: String
    var baseURL: String
    var auth: AuthForm
    /// The chosen name and enabled state of each detected action, in the draft's order.
    var actionKeys: [String]
    var actionNames: [String]
    var actionEnabled: [Bool]

    /// The values the schema suggests.
    init(draft: IntegrationDraft) {
        name = draft.name
        description = draft.description
        baseURL = draft.baseURL ?? ""
        auth = AuthForm(scope: .global, auth: draft.suggestedAuth)
        actionKeys = draft.actions.map(\.operationKey)
        actionNames = draft.actions.map(\.name)
        actionEnabled = draft.actions.map(\.isEnabled)
    }

    /// The values posted (a checkbox that is not sent is off).
    init(draft: IntegrationDraft, form: FormFields) {
        name = form["name"] ?? draft.name
        description = form["description"] ?? ""
        baseURL = (form["base_url"] ?? "").trimmingCharacters(in: .whitespaces)
        auth = AuthForm(form: form)
        actionKeys = draft.actions.map(\.operationKey)
        actionNames = draft.actions.indices.map { form["action_name_\($0)"] ?? draft.actions[$0].name }
        actionEnabled = draft.actions.indices.map { form["action_enabled_\($0)"] == "on" }
    }

    var choices: IntegrationChoices {
        IntegrationChoices(
            name: name, description: description, baseURL: baseURL, scope: auth.scope, auth: auth.configuration,
            actions: zip(actionNames.indices, actionNames).map { index, name in
                ActionChoice(operationKey: actionKeys[index], name: name, isEnabled: actionEnabled[index])
            })
    }

    func templateValue(draft: IntegrationDraft, errors: [String: String]) -> TemplateValue {
        var groups: [(tag: String, rows: [TemplateValue])] = []
        for (index, action) in draft.actions.enumerated() {
            let tag = action.operation.tags.first ?? "Other"
            let row: TemplateValue = [
                "index": .int(index), "method": .string(action.operation.method.rawValue),
                "methodClass": .string(action.operation.method.rawValue.lowercased()), "path": .string(action.operation.pathTemplate),
                "summary": .string(action.operation.summary ?? ""), "name": .string(actionNames[index]),
                "isWrite": .bool(action.access == .write), "enabled": .bool(actionEnabled[index]),
                "deprecated": .bool(action.operation.isDeprecated),
                "error": errors["actions.\(index).name"].map { .string($0) } ?? .null,
            ]
            if let at = groups.firstIndex(where: { $0.tag == tag }) { groups[at].rows.append(row) } else { groups.append((tag, [row])) }
        }
        return [
            "values": ["name": .string(name), "description": .string(description), "baseURL": .string(baseURL)],
            "errors": .dictionary(errors.mapValues { .string($0) }),
            "hasErrors": .bool(!errors.isEmpty),
            "schemaHasBaseURL": .bool(draft.baseURL != nil),
            "servers": .list(draft.serverURLs.map { .string($0) }),
            "otherServers": .list(draft.serverURLs.filter { $0 != baseURL }.map { .string($0) }),
            "groups": .list(groups.map { group in
                ["tag": .string(group.tag), "count": .int(group.rows.count), "actions": .list(group.rows)]
            }),
            "actionCount": .int(draft.actions.count),
            "oneAction": .bool(draft.actions.count == 1),
            "warnings": .list(draft.warnings.map { warning in
                ["message": .string(warning.message), "pointer": .string(warning.pointer), "severity": .string(warning.severity.rawValue)]
            }),
            "warningCount": .int(draft.warnings.count),
            "oneWarning": .bool(draft.warnings.count == 1),
            "sourceURL": draft.sourceURL.map { .string($0) } ?? .null,
            "auth": auth.templateValue(errors: errors),
        ]
    }
}
