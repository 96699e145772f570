import Core
import HTTPCore
import OpenAPI
import Templates
import Web

/// Add API → Ask: a conversation that drafts an OpenAPI schema from documentation (pasted text,
/// a documentation URL, or a PDF) and plain-language corrections (Admins and Owners).
///
/// Routes:
/// - `GET  /settings/integrations/ask`          an empty conversation
/// - `POST /settings/integrations/ask`          the first documentation → a conversation
/// - `GET  /settings/integrations/ask/:id`      the conversation, the draft, what was found and not
/// - `POST /settings/integrations/ask/:id`      more documentation, or a correction
/// - `POST /settings/integrations/ask/:id/use`  the draft (as edited) goes to the review step
struct AskController {
    let services: AppServices
    let pages: PageRenderer

    /// PDFs up to 20 MB, with room for the form around them.
    static let upload = RouteOptions(maxBodyBytes: 24 << 20)

    func addRoutes(admins: RouteGroup<AppRequestContext>) {
        admins.get("/settings/integrations/ask") { _, context in try page(id: nil, messages: [], state: FormState(), context: context) }
        admins.post("/settings/integrations/ask", options: Self.upload) { request, context in
            do {
                let message = try message(from: request, isFirst: true)
                let id = try conversations(context).start(with: message, by: context.actor)
                return .redirect(to: "/settings/integrations/ask/\(id)#draft")
            } catch let error as DomainError where error.code == .invalid {
                return try page(id: nil, messages: [], state: FormState(values: [:], error: error), context: context, status: .unprocessableContent)
            }
        }
        admins.get("/settings/integrations/ask/:id") { request, context in
            let id = try request.parameters.require("id")
            return try page(id: id, messages: try conversations(context).messages(id), state: FormState(), context: context)
        }
        admins.post("/settings/integrations/ask/:id", options: Self.upload) { request, context in
            let id = try request.parameters.require("id")
            let store = try conversations(context)
            let messages = try store.messages(id)
            do {
                try store.append(try message(from: request, isFirst: false), to: id)
                return .redirect(to: "/settings/integrations/ask/\(id)#draft")
            } catch let error as DomainError where error.code == .invalid {
                return try page(id: id, messages: messages, state: FormState(values: [:], error: error), context: context, status: .unprocessableContent)
            }
        }
        admins.post("/settings/integrations/ask/:id/use", options: IntegrationsController.schemaUpload) { request, context in
            let id = try request.parameters.require("id")
            let messages = try conversations(context).messages(id)
            let edited = (try request.form()["schema"] ?? "").trimmedOfWhitespace
            let text = edited.isEmpty ? try SchemaBuilder(drafter: services.schemaDrafter).draft(messages).draft.jsonText : edited
            guard let company = context.company else { throw HTTPError(.notFound) }
            let draftID = try ImportDrafts(database: services.database, companyID: company.id, clock: services.clock)
                .save(schemaText: text, sourceURL: nil, by: context.actor)
            return .redirect(to: "/settings/integrations/drafts/\(draftID)")
        }
    }

    private func conversations(_ context: AppRequestContext) throws -> SchemaConversations {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return SchemaConversations(database: services.database, companyID: company.id, clock: services.clock)
    }

    /// A PDF or file upload, else a documentation URL, else the typed text. Typed text opens a
    /// conversation as documentation; later it is a correction (the drafter reads a message that
    /// corrects nothing as more documentation).
    private func message(from request: Request, isFirst: Bool) throws -> DraftMessage {
        let reader = DocumentationReader()
        do {
            if request.mediaType == "multipart/form-data",
                let file = try request.multipart().first(where: { $0.name == "document" && $0.filename?.isEmpty == false && !$0.body.isEmpty })
            {
                return .documentation(try reader.piece(from: file.body, contentType: file.contentType, source: file.filename ?? "upload"))
            }
            let form = try request.form()
            let url = (form["url"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !url.isEmpty {
                guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                    throw DomainError(.invalid, "Enter an http:// or https:// URL.", field: "url")
                }
                return .documentation(try DocumentationFetcher(client: services.httpClient).fetch(url))
            }
            let text = (form["message"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                throw DomainError(.invalid, "Paste documentation, give its URL, or upload a PDF.", field: "message")
            }
            let looksLikeDocumentation = isFirst || text.hasPrefix("<") || text.count > 400 || text.contains("\n")
            return looksLikeDocumentation
                ? .documentation(try reader.piece(from: Array(text.utf8), contentType: nil, source: "pasted text")) : .correction(text)
        } catch let error as SchemaBuilderError {
            throw DomainError(.invalid, error.description, field: "message")
        }
    }

    private func page(id: String?, messages: [DraftMessage], state: FormState, context: AppRequestContext, status: HTTPStatus = .ok) throws
        -> HTTPResponse
    {
        var values: [String: TemplateValue] = [
            "form": state.templateValue, "hasConversation": .bool(id != nil),
            "action": .string(id.map { "/settings/integrations/ask/\($0)" } ?? "/settings/integrations/ask"),
            "messages": .list(messages.map { message in
                switch message {
                case .documentation(let piece):
                    ["isDocumentation": .bool(true), "source": .string(piece.source), "preview": .string(String(piece.text.prefix(600))),
                     "more": .bool(piece.text.count > 600), "size": .int(piece.text.utf8.count)]
                case .correction(let text):
                    ["isDocumentation": .bool(false), "text": .string(text)]
                }
            }),
        ]
        if let id, !messages.isEmpty {
            let checked = try SchemaBuilder(drafter: services.schemaDrafter).draft(messages)
            let report = checked.draft.report
            values["draft"] = [
                "use": .string("/settings/integrations/ask/\(id)/use"), "json": .string(checked.draft.jsonText),
                "baseURL": report.baseURL.map { .string($0) } ?? .null,
                "endpoints": .list(report.endpoints.map { endpoint in
                    [
                        "method": .string(endpoint.method), "methodClass": .string(endpoint.method.lowercased()), "path": .string(endpoint.path),
                        "summary": .string(endpoint.summary ?? ""), "parameters": .string(endpoint.parameterNames.joined(separator: ", ")),
                    ]
                }),
                "corrections": .list(report.appliedCorrections.map { .string($0) }),
                "notUnderstood": .list(report.notUnderstood.prefix(50).map { .string($0) }),
                "problem": checked.problem.map { .string($0) } ?? .null,
                "warnings": .list(checked.importResult.diagnostics.map { ["message": .string($0.message), "pointer": .string($0.pointer)] }),
                "usable": .bool(checked.importResult.document != nil && !report.endpoints.isEmpty),
            ]
        }
        return try pages.render("integrations/ask", title: "Ask: draft a schema", context: context, status: status, values)
    }
}
