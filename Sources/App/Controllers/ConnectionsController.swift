import Core
import HTTPCore
import Templates
import Web

/// Connections: a member's own accounts for the company's per-user integrations.
///
/// Routes (every signed-in member):
/// - `GET  /connections`                         each per-user integration and whether I am connected
/// - `GET  /connections/:id`                     the connect form (token, basic or headers); `next` returns to a conversation
/// - `POST /connections/:id`                     save my credentials
/// - `POST /connections/:id/disconnect`          forget them
struct ConnectionsController {
    let services: AppServices
    let pages: PageRenderer

    func addRoutes(signedIn: RouteGroup<AppRequestContext>) {
        signedIn.get("/connections") { _, context in try index(context) }
        signedIn.get("/connections/:id") { request, context in
            let integration = try perUserIntegration(try request.parameters.require("id"), context)
            return try form(
                integration, next: AccountRules.safeReturnPath(request.query["next"]), pending: request.query["pending"],
                auth: AuthForm(scope: .perUser, auth: integration.auth), context: context)
        }
        signedIn.post("/connections/:id") { request, context in
            let integration = try perUserIntegration(try request.parameters.require("id"), context)
            let fields = try request.form()
            // The form carries the integration's header names beside their values, so it reads
            // like every other auth form; the stored method decides which fields count.
            var auth = AuthForm(scope: .perUser, auth: integration.auth)
            auth.secrets = AuthForm(form: fields).secrets
            let next = AccountRules.safeReturnPath(fields["next"])
            let pending = fields["pending_action"].flatMap { $0.isEmpty ? nil : $0 }
            guard let user = context.user, let company = context.company else { throw HTTPError(.notFound) }
            do {
                try credentials(context).connect(integrationID: integration.id, userID: user.id, secrets: auth.secrets, by: context.actor)
                if let pending {
                    // The agent's turn waited for this connection: it goes on now (a write still asks to confirm).
                    _ = try services.agentRunner(companyID: company.id).resume(
                        pendingActionID: pending, as: ConversationCaller(userID: user.id, clientAddress: context.clientAddress, requestID: context.requestID))
                }
                return Redirects(services: services).to(next ?? "/connections", Flash(.success, "You are connected to \(integration.name)."))
            } catch let errors as FormErrors {
                return try form(integration, next: next, pending: pending, auth: auth, errors: errors, context: context, status: .unprocessableContent)
            }
        }
        signedIn.post("/connections/:id/disconnect") { request, context in
            let integration = try perUserIntegration(try request.parameters.require("id"), context)
            guard let user = context.user else { throw HTTPError(.notFound) }
            try credentials(context).disconnect(integrationID: integration.id, userID: user.id, by: context.actor)
            return Redirects(services: services).to("/connections", Flash(.info, "Disconnected from \(integration.name)."))
        }
    }

    private func store(_ context: AppRequestContext) throws -> IntegrationStore {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return IntegrationStore(database: services.database, companyID: company.id, vault: services.vault, clock: services.clock)
    }

    private func credentials(_ context: AppRequestContext) throws -> CredentialStore {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return CredentialStore(database: services.database, companyID: company.id, vault: services.vault, clock: services.clock)
    }

    /// A per-user integration of this company; anything else is 404.
    private func perUserIntegration(_ id: String, _ context: AppRequestContext) throws -> Integration {
        let integration = try store(context).get(id)
        guard integration.scope == .perUser else { throw HTTPError(.notFound) }
        return integration
    }

    private func index(_ context: AppRequestContext) throws -> HTTPResponse {
        guard let user = context.user else { throw HTTPError(.notFound) }
        let credentials = try credentials(context)
        let store = try store(context)
        let rows: [TemplateValue] = try store.list().filter { $0.scope == .perUser }.map { summary in
            let connection = try credentials.connection(integrationID: summary.id, userID: user.id)
            var isOAuth = false
            if case .oauth2 = try store.get(summary.id).auth { isOAuth = true }
            return [
                "id": .string(summary.id), "name": .string(summary.name), "auth": .string(summary.authLabel),
                "connected": .bool(connection != nil && connection?.needsReconnection == false),
                "needsReconnection": .bool(connection?.needsReconnection == true),
                "since": connection.map { .string(DisplayDate.format($0.updatedAt)) } ?? .null,
                "isOAuth": .bool(isOAuth),
            ]
        }
        return try pages.render("connections/index", title: "Connections", context: context, ["connections": .list(rows)])
    }

    private func form(
        _ integration: Integration, next: String?, pending: String? = nil, auth: AuthForm, errors: FormErrors = FormErrors([]), context: AppRequestContext,
        status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        guard let user = context.user else { throw HTTPError(.notFound) }
        if case .oauth2 = integration.auth {
            return try pages.render(
                "connections/oauth", title: "Connect \(integration.name)", context: context,
                [
                    "integration": ["id": .string(integration.id), "name": .string(integration.name)], "next": .string(next ?? "/connections"),
                    "pending": pending.map { .string($0) } ?? .null,
                ])
        }
        var messages: [String: String] = [:]
        for field in errors.fields where messages[field.field] == nil { messages[field.field] = field.message }
        let hints = try credentials(context).connection(integrationID: integration.id, userID: user.id)?.hints ?? [:]
        return try pages.render(
            "connections/connect", title: "Connect \(integration.name)", context: context, status: status,
            [
                "integration": ["id": .string(integration.id), "name": .string(integration.name), "auth": .string(integration.auth.label)],
                "next": next.map { .string($0) } ?? .null, "pending": pending.map { .string($0) } ?? .null,
                "auth": auth.templateValue(hints: hints, errors: messages),
                "isBearer": .bool(auth.method == .bearer), "isBasic": .bool(auth.method == .basic),
                "isHeaders": .bool(auth.method == .headers), "isQuery": .bool(auth.method == .query),
                "hasErrors": .bool(!messages.isEmpty),
            ])
    }
}
