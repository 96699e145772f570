import Core
import Foundation
import HTTPCore
import OpenAPI
import Templates
import Web
import YAML

/// One integration's page: settings, actions, secrets, test, re-import, delete (Admins and Owners).
///
/// Routes:
/// - `GET  /settings/integrations/:id`                  settings, actions, connection status
/// - `POST /settings/integrations/:id`                  save settings (or add/remove a row; `intent=rotate` replaces every secret)
/// - `POST /settings/integrations/:id/actions`          rename, enable, disable, read/write override
/// - `GET  /settings/integrations/:id/test`             choose a read action and its parameters
/// - `POST /settings/integrations/:id/test`             run it with the company's credentials
/// - `GET  /settings/integrations/:id/reimport`         a new version of the schema
/// - `POST /settings/integrations/:id/reimport`         import it and show the diff
/// - `POST /settings/integrations/:id/reimport/:draft`  apply the diff
/// - `GET  /settings/integrations/:id/delete`, `POST …/delete`   confirm, then delete
struct IntegrationController {
    let services: AppServices
    let pages: PageRenderer

    func addRoutes(admins: RouteGroup<AppRequestContext>) {
        admins.get("/settings/integrations/:id") { request, context in
            let integration = try store(context).get(try request.parameters.require("id"))
            return try page(integration, auth: AuthForm(scope: integration.scope, auth: integration.auth), values: nil, context: context)
        }
        admins.post("/settings/integrations/:id") { request, context in try saveSettings(request, context) }
        admins.post("/settings/integrations/:id/actions") { request, context in try saveActions(request, context) }
        admins.get("/settings/integrations/:id/test") { request, context in
            let integration = try store(context).get(try request.parameters.require("id"))
            return try testPage(integration, actionID: request.query["action"], values: [:], result: nil, context: context)
        }
        admins.post("/settings/integrations/:id/test") { request, context in try runTest(request, context) }
        admins.get("/settings/integrations/:id/reimport") { request, context in
            let integration = try store(context).get(try request.parameters.require("id"))
            return try reimportPage(integration, FormState(values: ["schema_url": integration.sourceURL ?? ""]), context: context)
        }
        admins.post("/settings/integrations/:id/reimport", options: IntegrationsController.schemaUpload) { request, context in
            try previewReimport(request, context)
        }
        admins.post("/settings/integrations/:id/reimport/:draft") { request, context in try applyReimport(request, context) }
        admins.get("/settings/integrations/:id/delete") { request, context in
            let integration = try store(context).get(try request.parameters.require("id"))
            return try pages.render(
                "integrations/delete", title: "Delete \(integration.name)", context: context,
                ["integration": ["id": .string(integration.id), "name": .string(integration.name), "actions": .int(integration.actionCount)]])
        }
        admins.post("/settings/integrations/:id/delete") { request, context in
            let store = try store(context)
            let integration = try store.get(try request.parameters.require("id"))
            try store.delete(integration.id, by: context.actor)
            return Redirects(services: services).to("/settings/integrations", Flash(.success, "\(integration.name) was deleted, with its actions and secrets."))
        }
    }

    private func store(_ context: AppRequestContext) throws -> IntegrationStore {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return IntegrationStore(database: services.database, companyID: company.id, vault: services.vault, clock: services.clock)
    }

    private func saveSettings(_ request: Request, _ context: AppRequestContext) throws -> HTTPResponse {
        let store = try store(context)
        let integration = try store.get(try request.parameters.require("id"))
        let form = try request.form()
        let auth = AuthForm(form: form)
        let values = ["name": form["name"] ?? "", "description": form["description"] ?? "", "baseURL": form["base_url"] ?? ""]
        guard !AuthForm.isRowIntent(form["intent"]) else { return try page(integration, auth: auth, values: values, context: context) }
        let choices = IntegrationChoices(
            name: values["name"] ?? "", description: values["description"] ?? "",
            baseURL: (values["baseURL"] ?? "").trimmingCharacters(in: .whitespaces), scope: auth.scope, auth: auth.configuration)
        do {
            if form["intent"] == "rotate" {
                try store.rotateSecrets(integration.id, auth.secrets, by: context.actor)
                return Redirects(services: services).to("/settings/integrations/\(integration.id)", Flash(.success, "Secrets replaced."))
            }
            try store.updateSettings(integration.id, choices, secrets: auth.secrets, by: context.actor)
            return Redirects(services: services).to("/settings/integrations/\(integration.id)", Flash(.success, "Settings saved."))
        } catch let errors as FormErrors {
            return try page(integration, auth: auth, values: values, errors: errors, context: context, status: .unprocessableContent)
        } catch let error as DomainError where error.code == .invalid || error.code == .conflict {
            let errors = FormErrors([FieldError(field: error.field ?? "form", message: error.message)])
            return try page(integration, auth: auth, values: values, errors: errors, context: context, status: .unprocessableContent)
        }
    }

    private func saveActions(_ request: Request, _ context: AppRequestContext) throws -> HTTPResponse {
        let store = try store(context)
        let integration = try store.get(try request.parameters.require("id"))
        let form = try request.form()
        let changes = try store.actions(of: integration.id).map { action in
            let override: Bool? =
                switch form["action_override_\(action.id)"] {
                case "read": false
                case "write": true
                default: nil
                }
            return ActionChoice(
                operationKey: action.id, name: form["action_name_\(action.id)"] ?? action.name,
                isEnabled: form["action_enabled_\(action.id)"] == "on", writeOverride: override)
        }
        do {
            try store.updateActions(of: integration.id, changes, by: context.actor)
            return Redirects(services: services).to("/settings/integrations/\(integration.id)#actions", Flash(.success, "Actions saved."))
        } catch let errors as FormErrors {
            return try page(
                integration, auth: AuthForm(scope: integration.scope, auth: integration.auth), actionChanges: changes, errors: errors,
                context: context, status: .unprocessableContent)
        }
    }

    private func page(
        _ integration: Integration, auth: AuthForm, values: [String: String]? = nil, actionChanges: [ActionChoice]? = nil,
        errors: FormErrors = FormErrors([]), context: AppRequestContext, status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        var messages: [String: String] = [:]
        for field in errors.fields where messages[field.field] == nil { messages[field.field] = field.message }
        let hints = (integration.companyCredential?.hints ?? [:]).merging(integration.oauthClientCredential?.hints ?? [:]) { a, _ in a }
        let actions = try store(context).actions(of: integration.id)
        let actionRows: [TemplateValue] = actions.enumerated().map { index, action in
            let change = actionChanges?.first { $0.operationKey == action.id }
            let override = change.map(\.writeOverride) ?? action.writeOverride
            return [
                "id": .string(action.id), "method": .string(action.method.rawValue), "methodClass": .string(action.method.rawValue.lowercased()),
                "path": .string(action.path), "name": .string(change?.name ?? action.name), "enabled": .bool(change?.isEnabled ?? action.isEnabled),
                "schemaKind": .string(action.schemaIsWrite ? "write" : "read"),
                "overrideSchema": .bool(override == nil), "overrideRead": .bool(override == false), "overrideWrite": .bool(override == true),
                "isWrite": .bool(override ?? action.schemaIsWrite),
                "error": messages["actions.\(index).name"].map { .string($0) } ?? .null,
            ]
        }
        let credential = integration.companyCredential
        var isOAuth = false
        var isClientCredentials = false
        if case .oauth2(let settings) = integration.auth {
            isOAuth = true
            isClientCredentials = settings.grant == .clientCredentials
        }
        return try pages.render(
            "integrations/show", title: integration.name, context: context, status: status,
            [
                "integration": [
                    "id": .string(integration.id), "name": .string(integration.name), "scope": .string(integration.scope.label),
                    "authLabel": .string(integration.auth.label), "baseURL": .string(integration.baseURL),
                    "sourceURL": integration.sourceURL.map { .string($0) } ?? .null,
                    "enabled": .int(integration.enabledActionCount), "total": .int(integration.actionCount),
                    "updated": .string(DisplayDate.format(integration.updatedAt)),
                    "warnings": .list(integration.warnings.map { ["message": .string($0.message), "pointer": .string($0.pointer)] }),
                    "isGlobal": .bool(integration.scope == .global),
                    "connected": .bool(credential != nil && credential?.needsReconnection == false),
                    "needsReconnection": .bool(credential?.needsReconnection == true),
                    "credentialUpdated": credential.map { .string(DisplayDate.format($0.updatedAt)) } ?? .null,
                    "needsSecrets": .bool(integration.auth.needsConnectionSecrets),
                    "isOAuth": .bool(isOAuth), "isClientCredentials": .bool(isClientCredentials),
                    "redirectURI": .string(OAuthController.redirectURI(context)),
                    "expires": credential?.expiresAt.map { .string(DisplayDate.format($0)) } ?? .null,
                ],
                "values": [
                    "name": .string(values?["name"] ?? integration.name), "description": .string(values?["description"] ?? integration.description),
                    "baseURL": .string(values?["baseURL"] ?? integration.baseURL),
                ],
                "errors": .dictionary(messages.mapValues { .string($0) }),
                "auth": auth.templateValue(hints: hints, errors: messages),
                "actions": .list(actionRows),
                "readActions": .bool(actions.contains { !$0.isWrite }),
            ])
    }

    // MARK: Test action

    private func runTest(_ request: Request, _ context: AppRequestContext) throws -> HTTPResponse {
        let integration = try store(context).get(try request.parameters.require("id"))
        let form = try request.form()
        guard let actionID = form["action"], let company = context.company, let user = context.user else { throw HTTPError(.badRequest) }
        let action = try store(context).action(actionID)
        guard action.integrationID == integration.id else { throw HTTPError(.notFound) }
        var values: [String: String] = [:]
        for field in form where field.name.hasPrefix("param_") || field.name == "body" { values[field.name] = field.value }
        let arguments = TestArguments.build(operation: action.operation, values: values)
        let executor = services.actionExecutor(companyID: company.id)
        let outcome = try executor.run(
            actionID: action.id, arguments: arguments,
            as: ActionRunContext(userID: user.id, purpose: .adminTest, clientAddress: context.clientAddress, requestID: context.requestID))
        return try testPage(integration, actionID: action.id, values: values, result: TestResultView(outcome), context: context)
    }

    private func testPage(
        _ integration: Integration, actionID: String?, values: [String: String], result: TestResultView?, context: AppRequestContext
    ) throws -> HTTPResponse {
        let actions = try store(context).actions(of: integration.id).filter { !$0.isWrite }
        let selected = actions.first { $0.id == actionID } ?? actions.first
        let parameters: [TemplateValue] = (selected?.operation.parameters ?? []).map { parameter in
            [
                "name": .string(parameter.name), "field": .string("param_" + parameter.name), "location": .string(parameter.location.rawValue),
                "required": .bool(parameter.isRequired), "type": .string(parameter.schema?.types.map(\.rawValue).joined(separator: " | ") ?? "string"),
                "value": .string(values["param_" + parameter.name] ?? ""), "description": .string(parameter.description ?? ""),
            ]
        }
        return try pages.render(
            "integrations/test", title: "Test \(integration.name)", context: context,
            [
                "integration": ["id": .string(integration.id), "name": .string(integration.name)],
                "actions": .list(actions.map { ["id": .string($0.id), "label": .string("\($0.name) — \($0.method.rawValue) \($0.path)"), "selected": .bool($0.id == selected?.id)] }),
                "selected": selected.map { ["id": .string($0.id), "name": .string($0.name), "hasBody": .bool($0.operation.requestBody != nil)] } ?? .null,
                "parameters": .list(parameters), "body": .string(values["body"] ?? ""),
                "result": result?.templateValue ?? .null,
            ])
    }

    // MARK: Re-import

    private func reimportPage(_ integration: Integration, _ state: FormState, context: AppRequestContext, status: HTTPStatus = .ok) throws -> HTTPResponse {
        try pages.render(
            "integrations/reimport", title: "Re-import \(integration.name)", context: context, status: status,
            ["integration": ["id": .string(integration.id), "name": .string(integration.name)], "form": state.templateValue])
    }

    private func previewReimport(_ request: Request, _ context: AppRequestContext) throws -> HTTPResponse {
        let store = try store(context)
        let integration = try store.get(try request.parameters.require("id"))
        let form = try request.form()
        let pasted = form["schema"] ?? ""
        let url = (form["schema_url"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let source = try SchemaSource(pasted: pasted, url: url, client: services.httpClient)
            let draft = try IntegrationDraft(source.importResult(), schemaText: source.text, sourceURL: source.url)
            let preview = try store.previewReimport(integration.id, draft: draft)
            guard let company = context.company else { throw HTTPError(.notFound) }
            let draftID = try ImportDrafts(database: services.database, companyID: company.id, clock: services.clock)
                .save(schemaText: source.text, sourceURL: source.url, by: context.actor)
            func rows(_ operations: [APIOperation]) -> TemplateValue {
                .list(operations.map { operation in
                    [
                        "method": .string(operation.method.rawValue), "methodClass": .string(operation.method.rawValue.lowercased()),
                        "path": .string(operation.pathTemplate),
                        "name": .string(preview.keptNames[operation.identity.key] ?? operation.name),
                    ]
                })
            }
            return try pages.render(
                "integrations/reimport-preview", title: "Re-import \(integration.name)", context: context,
                [
                    "integration": ["id": .string(integration.id), "name": .string(integration.name)],
                    "action": .string("/settings/integrations/\(integration.id)/reimport/\(draftID)"),
                    "added": rows(preview.diff.added), "removed": rows(preview.diff.removed), "changed": rows(preview.diff.changed.map(\.new)),
                    "unchangedCount": .int(preview.diff.unchanged.count), "oneUnchanged": .bool(preview.diff.unchanged.count == 1),
                    "nothingChanged": .bool(preview.diff.added.isEmpty && preview.diff.removed.isEmpty && preview.diff.changed.isEmpty),
                    "warnings": .list(preview.warnings.map { ["message": .string($0.message), "pointer": .string($0.pointer)] }),
                ])
        } catch let error as DomainError where error.code == .invalid {
            return try reimportPage(
                integration, FormState(values: ["schema": pasted, "schema_url": url], error: error), context: context, status: .unprocessableContent)
        }
    }

    private func applyReimport(_ request: Request, _ context: AppRequestContext) throws -> HTTPResponse {
        let store = try store(context)
        let integration = try store.get(try request.parameters.require("id"))
        guard let company = context.company else { throw HTTPError(.notFound) }
        let drafts = ImportDrafts(database: services.database, companyID: company.id, clock: services.clock)
        let draftID = try request.parameters.require("draft")
        let (text, url) = try drafts.get(draftID)
        let source = SchemaSource(text: text, url: url, client: services.httpClient)
        let diff = try store.reimport(integration.id, draft: try IntegrationDraft(source.importResult(), schemaText: text, sourceURL: url), by: context.actor)
        try drafts.delete(draftID)
        return Redirects(services: services).to(
            "/settings/integrations/\(integration.id)",
            Flash(.success, "Schema re-imported: \(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed."))
    }
}
