import Core
import HTTPCore
import Templates
import Web

/// Agents: list, create, edit, delete, and their Tools settings (any member of the company).
///
/// Routes:
/// - `GET  /agents`, `GET /agents/new`, `POST /agents`
/// - `GET  /agents/:id`, `POST /agents/:id`               the agent and my conversations with it; save
/// - `GET  /agents/:id/delete`, `POST /agents/:id/delete`
/// - `GET  /agents/:id/tools`, `POST /agents/:id/tools`   which actions it may call
/// - `POST /agents/:id/conversations`                     start a conversation
struct AgentsController {
    let services: AppServices
    let pages: PageRenderer

    func addRoutes(signedIn: RouteGroup<AppRequestContext>) {
        signedIn.get("/agents") { _, context in
            let agents: [TemplateValue] = try store(context).list().map { agent in
                [
                    "id": .string(agent.id), "name": .string(agent.name), "description": .string(agent.description),
                    "model": .string(agent.usesOfflineModel ? "Built-in offline model" : agent.model),
                    "tools": .int(try store(context).enabledTools(of: agent.id).count),
                ]
            }
            return try pages.render("agents/index", title: "Agents", context: context, ["agents": .list(agents)])
        }
        signedIn.get("/agents/new") { _, context in try form(nil, values: [:], context: context) }
        signedIn.post("/agents") { request, context in
            let values = try formValues(request)
            do {
                let agent = try store(context).create(draft(values), by: context.actor)
                return Redirects(services: services).to("/agents/\(agent.id)/tools", Flash(.success, "\(agent.name) is ready. Choose the actions it may use."))
            } catch let errors as FormErrors {
                return try form(nil, values: values, errors: errors, context: context, status: .unprocessableContent)
            }
        }
        signedIn.get("/agents/:id") { request, context in
            let agent = try store(context).get(try request.parameters.require("id"))
            return try form(agent, values: values(of: agent), context: context)
        }
        signedIn.post("/agents/:id") { request, context in
            let agent = try store(context).get(try request.parameters.require("id"))
            let values = try formValues(request)
            do {
                _ = try store(context).update(agent.id, draft(values), by: context.actor)
                return Redirects(services: services).to("/agents/\(agent.id)", Flash(.success, "Saved."))
            } catch let errors as FormErrors {
                return try form(agent, values: values, errors: errors, context: context, status: .unprocessableContent)
            }
        }
        signedIn.get("/agents/:id/delete") { request, context in
            let agent = try store(context).get(try request.parameters.require("id"))
            return try pages.render("agents/delete", title: "Delete \(agent.name)", context: context, ["agent": ["id": .string(agent.id), "name": .string(agent.name)]])
        }
        signedIn.post("/agents/:id/delete") { request, context in
            let agent = try store(context).get(try request.parameters.require("id"))
            try store(context).delete(agent.id, by: context.actor)
            return Redirects(services: services).to("/agents", Flash(.success, "\(agent.name) was deleted, with its conversations."))
        }
        signedIn.get("/agents/:id/tools") { request, context in try toolsPage(try request.parameters.require("id"), context: context) }
        signedIn.post("/agents/:id/tools") { request, context in
            let id = try request.parameters.require("id")
            let form = try request.form()
            var chosen = Set(form.values("action"))
            let settings = try store(context).toolSettings(of: id)
            if let intent = form["intent"], let colon = intent.firstIndex(of: ":") {
                let integrationID = String(intent[intent.index(after: colon)...])
                let ids = settings.integrations.first { $0.integrationID == integrationID }?.actions.map(\.actionID) ?? []
                if intent.hasPrefix("all:") { chosen.formUnion(ids) } else { chosen.subtract(ids) }
            }
            try store(context).setEnabledActions(of: id, Array(chosen), by: context.actor)
            return Redirects(services: services).to("/agents/\(id)/tools", Flash(.success, "Tools saved: \(chosen.count) action\(chosen.count == 1 ? "" : "s") enabled."))
        }
        signedIn.post("/agents/:id/conversations") { request, context in
            guard let user = context.user, let company = context.company else { throw HTTPError(.notFound) }
            let conversation = try ConversationStore(database: services.database, companyID: company.id, clock: services.clock)
                .start(agentID: try request.parameters.require("id"), by: user.id)
            return .redirect(to: "/conversations/\(conversation.id)")
        }
    }

    private func store(_ context: AppRequestContext) throws -> AgentStore {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return AgentStore(database: services.database, companyID: company.id, clock: services.clock)
    }

    private func formValues(_ request: Request) throws -> [String: String] {
        let form = try request.form()
        return ["name": form["name"] ?? "", "description": form["description"] ?? "", "instructions": form["instructions"] ?? "",
                "model": form["model"] ?? Agent.offlineModel]
    }

    private func values(of agent: Agent) -> [String: String] {
        ["name": agent.name, "description": agent.description, "instructions": agent.instructions, "model": agent.model]
    }

    private func draft(_ values: [String: String]) -> AgentDraft {
        let model = (values["model"] ?? "").trimmingCharacters(in: .whitespaces)
        return AgentDraft(
            name: values["name"] ?? "", description: values["description"] ?? "", instructions: values["instructions"] ?? "",
            model: model.isEmpty ? Agent.offlineModel : model)
    }

    private func form(
        _ agent: Agent?, values: [String: String], errors: FormErrors = FormErrors([]), context: AppRequestContext, status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        var page: [String: TemplateValue] = [
            "form": FormState(values: values, errors: errors).templateValue,
            "providerConfigured": .bool(services.configuration.llmURL != nil),
            "usesOffline": .bool((values["model"] ?? Agent.offlineModel) == Agent.offlineModel),
        ]
        if let agent, let user = context.user, let company = context.company {
            page["agent"] = ["id": .string(agent.id), "name": .string(agent.name)]
            let conversations = try ConversationStore(database: services.database, companyID: company.id, clock: services.clock)
                .list(for: user.id, agentID: agent.id)
            page["conversations"] = .list(conversations.map { conversation in
                ["id": .string(conversation.id), "title": .string(conversation.title.isEmpty ? "Conversation" : conversation.title),
                 "updated": .string(DisplayDate.format(conversation.updatedAt))]
            })
            page["tools"] = .int(try store(context).enabledTools(of: agent.id).count)
        }
        return try pages.render("agents/form", title: agent?.name ?? "New agent", context: context, status: status, page)
    }

    private func toolsPage(_ id: String, context: AppRequestContext) throws -> HTTPResponse {
        let settings = try store(context).toolSettings(of: id)
        return try pages.render(
            "agents/tools", title: "Tools of \(settings.agent.name)", context: context,
            [
                "agent": ["id": .string(settings.agent.id), "name": .string(settings.agent.name)],
                "toolCount": .int(settings.toolCount), "oneTool": .bool(settings.toolCount == 1), "warning": settings.warning.map { .string($0) } ?? .null,
                "approxTokens": .int(settings.size.estimatedTokens),
                "integrations": .list(settings.integrations.map { integration in
                    [
                        "id": .string(integration.integrationID), "name": .string(integration.name), "scope": .string(integration.scope.label),
                        "enabledCount": .int(integration.enabledCount), "total": .int(integration.actions.count),
                        "actions": .list(integration.actions.map { action in
                            [
                                "id": .string(action.actionID), "name": .string(action.name), "description": .string(action.description),
                                "method": .string(action.method.rawValue), "methodClass": .string(action.method.rawValue.lowercased()),
                                "path": .string(action.path), "isWrite": .bool(action.isWrite), "checked": .bool(action.isEnabledForAgent),
                            ]
                        }),
                    ]
                }),
            ])
    }
}
