import Core
import HTTPCore
import Templates
import Web

/// Conversations with agents: messages, action cards, confirmation of writes, forms for missing
/// parameters, connect prompts. Every member sees only their own conversations.
///
/// Routes:
/// - `GET  /conversations/:id`
/// - `POST /conversations/:id/messages`                   `message`
/// - `POST /conversations/:id/pending/:pending/confirm`   runs the write once
/// - `POST /conversations/:id/pending/:pending/cancel`    tells the agent the user declined
/// - `POST /conversations/:id/parameters/:message`        the missing parameters' values
struct ConversationsController {
    let services: AppServices
    let pages: PageRenderer

    func addRoutes(signedIn: RouteGroup<AppRequestContext>) {
        signedIn.get("/conversations/:id") { request, context in try page(try request.parameters.require("id"), context: context) }
        signedIn.post("/conversations/:id/messages") { request, context in
            let id = try request.parameters.require("id")
            let text = try request.form()["message"] ?? ""
            do {
                _ = try runner(context).send(text, in: id, as: caller(context))
            } catch let errors as FormErrors {
                return try page(id, draft: text, error: errors.fields.first?.message, context: context, status: .unprocessableContent)
            }
            return .redirect(to: "/conversations/\(id)#latest")
        }
        signedIn.post("/conversations/:id/pending/:pending/confirm") { request, context in
            try decide(request, context) { runner, pending, caller in try runner.confirm(pendingActionID: pending, as: caller) }
        }
        signedIn.post("/conversations/:id/pending/:pending/cancel") { request, context in
            try decide(request, context) { runner, pending, caller in try runner.cancel(pendingActionID: pending, as: caller) }
        }
        signedIn.post("/conversations/:id/parameters/:message") { request, context in
            let id = try request.parameters.require("id")
            var values: [String: String] = [:]
            for field in try request.form() where field.name.hasPrefix("param_") { values[String(field.name.dropFirst(6))] = field.value }
            do {
                _ = try runner(context).submitParameters(messageID: try request.parameters.require("message"), in: id, values: values, as: caller(context))
            } catch let errors as FormErrors {
                return try page(id, error: errors.fields.map(\.message).joined(separator: " "), context: context, status: .unprocessableContent)
            }
            return .redirect(to: "/conversations/\(id)#latest")
        }
    }

    /// Confirm or cancel: a decision that does not apply any more (already decided, expired,
    /// another member's) is said on the page, and nothing runs twice.
    private func decide(
        _ request: Request, _ context: AppRequestContext, _ body: (AgentRunner, String, ConversationCaller) throws -> [ConversationMessage]
    ) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        do {
            _ = try body(try runner(context), try request.parameters.require("pending"), caller(context))
            return .redirect(to: "/conversations/\(id)#latest")
        } catch let error as DomainError where error.code == .conflict || error.code == .invalid {
            return Redirects(services: services).to("/conversations/\(id)#latest", Flash(.info, error.message))
        }
    }

    private func caller(_ context: AppRequestContext) throws -> ConversationCaller {
        guard let user = context.user else { throw HTTPError(.notFound) }
        return ConversationCaller(userID: user.id, clientAddress: context.clientAddress, requestID: context.requestID)
    }

    private func runner(_ context: AppRequestContext) throws -> AgentRunner {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return services.agentRunner(companyID: company.id)
    }

    private func page(
        _ id: String, draft: String = "", error: String? = nil, context: AppRequestContext, status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        guard let user = context.user, let company = context.company else { throw HTTPError(.notFound) }
        let detail = try ConversationStore(database: services.database, companyID: company.id, clock: services.clock).get(id, for: user.id)
        let messages = detail.messages.map { ConversationMessageView(message: $0, conversationID: id).templateValue }
        return try pages.render(
            "conversations/show", title: "\(detail.agent.name) · conversation", context: context, status: status,
            [
                "conversation": ["id": .string(id), "title": .string(detail.conversation.title)],
                "agent": ["id": .string(detail.agent.id), "name": .string(detail.agent.name), "description": .string(detail.agent.description)],
                "messages": .list(messages), "draft": .string(draft), "error": error.map { .string($0) } ?? .null,
            ])
    }
}
