import Core
import Foundation
import HTTPCore
import OpenAPI
import Templates
import Web

/// Settings → Integrations: the list, and adding an API from its schema (Admins and Owners).
///
/// Routes:
/// - `GET  /settings/integrations`                the company's integrations with their status
/// - `GET  /settings/integrations/new`            step 1: paste a schema, import it from a URL, or Ask
/// - `POST /settings/integrations/new`            imports; problems come back with the text kept
/// - `GET  /settings/integrations/drafts/:id`     steps 2 and 3: review the actions, scope and auth
/// - `POST /settings/integrations/drafts/:id`     save (or add/remove a form row)
struct IntegrationsController {
    let services: AppServices
    let pages: PageRenderer

    /// Pasted schemas may be large (the biggest public ones are a few MB).
    static let schemaUpload = RouteOptions(maxBodyBytes: 16 << 20)

    func addRoutes(admins: RouteGroup<AppRequestContext>) {
        admins.get("/settings/integrations") { _, context in try index(context) }
        admins.get("/settings/integrations/new") { _, context in try newPage(FormState(), context: context) }
        admins.post("/settings/integrations/new", options: Self.schemaUpload) { request, context in try importSchema(request, context) }
        admins.get("/settings/integrations/drafts/:id") { request, context in
            let id = try request.parameters.require("id")
            let draft = try draft(id, context)
            return try reviewPage(id: id, draft: draft, form: ReviewForm(draft: draft), context: context)
        }
        admins.post("/settings/integrations/drafts/:id", options: Self.schemaUpload) { request, context in
            try saveDraft(try request.parameters.require("id"), request, context)
        }
    }

    private func store(_ context: AppRequestContext) throws -> IntegrationStore {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return IntegrationStore(database: services.database, companyID: company.id, vault: services.vault, clock: services.clock)
    }

    private func drafts(_ context: AppRequestContext) throws -> ImportDrafts {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return ImportDrafts(database: services.database, companyID: company.id, clock: services.clock)
    }

    private func index(_ context: AppRequestContext) throws -> HTTPResponse {
        let rows: [TemplateValue] = try store(context).list().map { summary in
            [
                "id": .string(summary.id), "name": .string(summary.name), "scope": .string(summary.scope.label),
                "auth": .string(summary.authLabel), "enabled": .int(summary.enabledActionCount), "total": .int(summary.actionCount),
                "status": .string(summary.status.label),
                "statusClass": .string(summary.status == .ready ? "ok" : summary.status == .tokenExpired ? "danger" : "warn"),
            ]
        }
        return try pages.render("integrations/index", title: "Integrations", context: context, ["integrations": .list(rows)])
    }

    private func newPage(_ state: FormState, context: AppRequestContext, status: HTTPStatus = .ok) throws -> HTTPResponse {
        try pages.render("integrations/new", title: "Add an API", context: context, status: status, ["form": state.templateValue])
    }

    /// Step 1: the pasted text or the URL's document goes through the importer; a usable one is
    /// kept as a draft and the review opens.
    private func importSchema(_ request: Request, _ context: AppRequestContext) throws -> HTTPResponse {
        let form = try request.form()
        let pasted = form["schema"] ?? ""
        let url = (form["schema_url"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var state = FormState(values: ["schema": pasted, "schema_url": url])
        do {
            let source = try SchemaSource(pasted: pasted, url: url, client: services.httpClient)
            _ = try IntegrationDraft(source.importResult(), schemaText: source.text, sourceURL: source.url)
            let id = try drafts(context).save(schemaText: source.text, sourceURL: source.url, by: context.actor)
            return .redirect(to: "/settings/integrations/drafts/\(id)")
        } catch let error as DomainError {
            state = FormState(values: state.values, error: error)
            return try newPage(state, context: context, status: .unprocessableContent)
        }
    }

    private func draft(_ id: String, _ context: AppRequestContext) throws -> IntegrationDraft {
        let (text, url) = try drafts(context).get(id)
        let source = SchemaSource(text: text, url: url, client: services.httpClient)
        return try IntegrationDraft(source.importResult(), schemaText: text, sourceURL: url)
    }

    private func saveDraft(_ id: String, _ request: Request, _ context: AppRequestContext) throws -> HTTPResponse {
        let draft = try draft(id, context)
        let fields = try request.form()
        let form = ReviewForm(draft: draft, form: fields)
        guard !AuthForm.isRowIntent(fields["intent"]) else {
            return try reviewPage(id: id, draft: draft, form: form, context: context)
        }
        do {
            let integration = try store(context).create(draft, choices: form.choices, secrets: form.auth.secrets, by: context.actor)
            try drafts(context).delete(id)
            return Redirects(services: services).to(
                "/settings/integrations/\(integration.id)",
                Flash(.success, "\(integration.name) is added with \(integration.enabledActionCount) of \(integration.actionCount) actions enabled."))
        } catch let errors as FormErrors {
            return try reviewPage(id: id, draft: draft, form: form, errors: errors, context: context, status: .unprocessableContent)
        } catch let error as DomainError where error.code == .conflict || error.code == .invalid {
            let errors = FormErrors([FieldError(field: error.field ?? "name", message: error.message)])
            return try reviewPage(id: id, draft: draft, form: form, errors: errors, context: context, status: .unprocessableContent)
        }
    }

    private func reviewPage(
        id: String, draft: IntegrationDraft, form: ReviewForm, errors: FormErrors = FormErrors([]), context: AppRequestContext,
        status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        var messages: [String: String] = [:]
        for field in errors.fields where messages[field.field] == nil { messages[field.field] = field.message }
        return try pages.render(
            "integrations/review", title: "Review \(form.name)", context: context, status: status,
            form.templateValue(draft: draft, errors: messages).merging(["action": .string("/settings/integrations/drafts/\(id)")]))
    }
}

extension TemplateValue {
    /// A dictionary value with more keys (right side wins); other values are returned as they are.
    func merging(_ more: [String: TemplateValue]) -> [String: TemplateValue] {
        guard case .dictionary(var values) = self else { return more }
        for (key, value) in more { values[key] = value }
        return values
    }
}
