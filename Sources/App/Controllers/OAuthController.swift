import Core
import HTTPCore
import Templates
import Web

/// OAuth 2.0 connections: the connect button's target and the one callback for every integration.
///
/// Routes (signed in):
/// - `POST /oauth/connect/:id`    `next` (a path here) → a new state, then off to the provider
/// - `GET  /oauth/callback`       `state` and `code` (or `error`) → tokens stored, back to `next`
/// - `POST /settings/integrations/:id/disconnect`   (Admins) forget the company's OAuth tokens
struct OAuthController {
    let services: AppServices
    let pages: PageRenderer

    func addRoutes(signedIn: RouteGroup<AppRequestContext>, admins: RouteGroup<AppRequestContext>) {
        signedIn.post("/oauth/connect/:id") { request, context in
            let integrationID = try request.parameters.require("id")
            let next = AccountRules.safeReturnPath(try request.form()["next"]) ?? "/connections"
            guard let user = context.user, let session = context.session else { throw HTTPError(.notFound) }
            let url = try flow(context).start(
                integrationID: integrationID, userID: user.id, sessionIDHash: session.idHash, returnPath: next,
                pendingActionID: try request.form()["pending_action"].flatMap { $0.isEmpty ? nil : $0 })
            return .redirect(to: url, status: .seeOther)
        }
        signedIn.get("/oauth/callback") { request, context in
            guard let user = context.user, let session = context.session else { throw HTTPError(.notFound) }
            let query = request.query
            do {
                let completion = try flow(context).complete(
                    state: query["state"] ?? "", code: query["code"], error: query["error"], errorDescription: query["error_description"],
                    sessionIDHash: session.idHash, userID: user.id)
                switch completion {
                case .connected(let back):
                    let name = (try? store(context).get(back.integrationID).name) ?? "the integration"
                    if let pending = back.pendingActionID, let company = context.company {
                        _ = try services.agentRunner(companyID: company.id).resume(
                            pendingActionID: pending,
                            as: ConversationCaller(userID: user.id, clientAddress: context.clientAddress, requestID: context.requestID))
                    }
                    return Redirects(services: services).to(back.returnPath, Flash(.success, "Connected to \(name)."))
                case .refused(let refusal, let back):
                    return try pages.render(
                        "connections/oauth-refused", title: "Not connected", context: context, status: .ok,
                        ["message": .string(refusal.message), "integrationID": .string(back.integrationID), "next": .string(back.returnPath)])
                }
            } catch let error as OAuthFlowError {
                throw HTTPError(.badRequest, error.description)
            }
        }
        admins.post("/settings/integrations/:id/disconnect") { request, context in
            let integration = try store(context).get(try request.parameters.require("id"))
            guard let company = context.company else { throw HTTPError(.notFound) }
            try CredentialStore(database: services.database, companyID: company.id, vault: services.vault, clock: services.clock)
                .disconnect(integrationID: integration.id, userID: nil, by: context.actor)
            return Redirects(services: services).to("/settings/integrations/\(integration.id)", Flash(.info, "Disconnected \(integration.name)."))
        }
    }

    /// Where providers send people back: registered by the admin at the provider.
    static func redirectURI(_ context: AppRequestContext) -> String { context.baseURL + "/oauth/callback" }

    private func flow(_ context: AppRequestContext) throws -> OAuthFlow {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return OAuthFlow(
            database: services.database, companyID: company.id, vault: services.vault, client: services.httpClient,
            redirectURI: Self.redirectURI(context), clock: services.clock)
    }

    private func store(_ context: AppRequestContext) throws -> IntegrationStore {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return IntegrationStore(database: services.database, companyID: company.id, vault: services.vault, clock: services.clock)
    }
}
