import Core
import Foundation
import OpenAPI
import Testing

@Suite struct IntegrationStoreTests {
    let fixture: IntegrationsFixture

    init() throws {
        fixture = try IntegrationsFixture()
    }

    @Test func draftTakesNameBaseURLActionsAndAuthFromTheSchema() throws {
        let draft = try IntegrationsFixture.draft(IntegrationsFixture.ordersSchema)
        #expect(draft.name == "Orders")
        #expect(draft.description == "The shop's orders.")
        #expect(draft.baseURL == "https://orders.example.com/v1")
        #expect(draft.suggestedAuth == .bearer)
        #expect(draft.actions.map(\.operationKey) == ["GET /orders", "POST /orders", "GET /orders/{}"])
        #expect(draft.actions.map(\.access) == [.read, .write, .read])
    }

    @Test func draftOfAnUnusableSchemaSaysWhyOnTheSchemaField() throws {
        #expect(throws: DomainError.self) { try IntegrationsFixture.draft("{\"hello\": 1}") }
        do {
            _ = try IntegrationsFixture.draft("{\"hello\": 1}")
        } catch let error as DomainError {
            #expect(error.field == "schema")
        }
    }

    @Test func createsAnIntegrationWithItsActionsAndAnAuditEvent() throws {
        let integration = try fixture.createOrders()
        #expect(integration.name == "Orders")
        #expect(integration.actionCount == 3)
        #expect(integration.enabledActionCount == 3)
        #expect(integration.companyCredential?.hints["token"] == "set · ends in …77e0")
        let actions = try fixture.store().actions(of: integration.id)
        #expect(actions.map(\.name) == ["List Orders", "Create Order", "Get Order"])
        #expect(actions.map(\.isWrite) == [false, true, false])
        #expect(try fixture.audit().events().contains { $0.event == "integration.created" && $0.targetID == integration.id })
    }

    @Test func keepsTheChosenActionNamesAndEnabledStates() throws {
        let draft = try IntegrationsFixture.draft(IntegrationsFixture.ordersSchema)
        var choices = draft.defaultChoices
        choices.actions[0].name = "Browse orders"
        choices.actions[1].isEnabled = false
        let integration = try fixture.store().create(
            draft, choices: choices, secrets: CredentialSecrets(token: "t-123456789012"), by: .user(fixture.owner.id))
        let actions = try fixture.store().actions(of: integration.id)
        #expect(actions[0].name == "Browse orders")
        #expect(actions[1].isEnabled == false)
        #expect(integration.enabledActionCount == 2)
    }

    @Test func validatesEachFieldAndNamesIt() throws {
        let draft = try IntegrationsFixture.draft(IntegrationsFixture.ordersSchema)
        var choices = draft.defaultChoices
        choices.name = " "
        choices.baseURL = "ftp://orders.example.com"
        choices.auth = .customHeaders(["X API Key", "X-Tenant"])
        choices.actions[0].name = ""
        choices.actions[2].name = "create order"
        let secrets = CredentialSecrets(headerValues: ["X-Tenant": "acme\r\nX-Evil: 1"])
        do {
            _ = try fixture.store().create(draft, choices: choices, secrets: secrets, by: .user(fixture.owner.id))
            Issue.record("an invalid form was saved")
        } catch let errors as FormErrors {
            let fields = Set(errors.fields.map(\.field))
            #expect(
                fields == [
                    "name", "base_url", "auth.header_names.0", "secrets.header.0", "secrets.header.1", "actions.0.name", "actions.2.name",
                ])
        }
        #expect(try fixture.store().list().isEmpty)
    }

    @Test func requiresABaseURLWhenTheSchemaHasNone() throws {
        let draft = try IntegrationsFixture.draft(
            """
            {"openapi": "3.0.0", "info": {"title": "No servers", "version": "1"},
             "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}
            """)
        #expect(draft.baseURL == nil)
        #expect(throws: FormErrors([FieldError(field: "base_url", message: "Enter the API's base URL: the schema gives none.")])) {
            try fixture.store().create(draft, choices: draft.defaultChoices, secrets: CredentialSecrets(), by: .user(fixture.owner.id))
        }
    }

    @Test func refusesASecondIntegrationWithTheSameName() throws {
        _ = try fixture.createOrders()
        #expect(throws: DomainError.self) { try fixture.createOrders() }
    }

    @Test func listsEachIntegrationWithItsStatus() throws {
        let ready = try fixture.createOrders(name: "Ready")
        let perUser = try fixture.createOrders(name: "Per user", scope: .perUser, secrets: CredentialSecrets())
        let oauthSettings = OAuthClientSettings(
            authorizationURL: "https://id.example.com/authorize", tokenURL: "https://id.example.com/token", clientID: "switchboard")
        let oauth = try fixture.createOrders(
            name: "OAuth", auth: .oauth2(oauthSettings), secrets: CredentialSecrets(clientSecret: "client-secret-0001"))
        let open = try fixture.createOrders(name: "Open", auth: .none, secrets: CredentialSecrets())
        var statuses = Dictionary(uniqueKeysWithValues: try fixture.store().list().map { ($0.id, $0.status) })
        #expect(statuses[ready.id] == .ready)
        #expect(statuses[perUser.id] == .needsConnection)
        #expect(statuses[oauth.id] == .needsConnection)
        #expect(statuses[open.id] == .ready)

        try fixture.credentials().saveOAuthTokens(
            integrationID: oauth.id, userID: nil,
            tokens: OAuthTokens(accessToken: "access-1", expiresAt: fixture.clock.now().addingTimeInterval(60)),
            by: .user(fixture.owner.id))
        statuses = Dictionary(uniqueKeysWithValues: try fixture.store().list().map { ($0.id, $0.status) })
        #expect(statuses[oauth.id] == .ready)
        fixture.accounts.time.advance(by: 120)
        statuses = Dictionary(uniqueKeysWithValues: try fixture.store().list().map { ($0.id, $0.status) })
        #expect(statuses[oauth.id] == .tokenExpired)
        #expect(IntegrationStatus.schemaHasWarnings.label == "schema has warnings")
    }

    @Test func reportsSchemaWarningsAsTheStatusOfAnOtherwiseReadyIntegration() throws {
        let text = """
            {"openapi": "3.0.0", "info": {"title": "Warned", "version": "1"}, "servers": [{"url": "https://w.example.com"}],
             "paths": {"/a": {"get": {"parameters": [{"$ref": "#/components/parameters/missing"}], "responses": {"200": {"description": "ok"}}}}}}
            """
        let draft = try IntegrationsFixture.draft(text)
        #expect(!draft.warnings.isEmpty)
        var choices = draft.defaultChoices
        choices.auth = .none
        _ = try fixture.store().create(draft, choices: choices, secrets: CredentialSecrets(), by: .user(fixture.owner.id))
        #expect(try fixture.store().list().first?.status == .schemaHasWarnings)
    }

    @Test func updatesSettingsKeepingASecretLeftBlank() throws {
        let integration = try fixture.createOrders()
        let choices = IntegrationChoices(
            name: "Orders (live)", description: "Live shop", baseURL: "https://live.example.com", scope: .global, auth: .bearer)
        try fixture.store().updateSettings(integration.id, choices, secrets: CredentialSecrets(token: ""), by: .user(fixture.owner.id))
        let updated = try fixture.store().get(integration.id)
        #expect(updated.name == "Orders (live)")
        #expect(updated.baseURL == "https://live.example.com")
        #expect(updated.companyCredential?.hints["token"] == "set · ends in …77e0")
        #expect(try fixture.audit().events().contains { $0.event == "integration.updated" })
    }

    @Test func changingTheMethodDropsTheOldSecretsAndAsksForNewOnes() throws {
        let integration = try fixture.createOrders()
        let choices = IntegrationChoices(
            name: "Orders", description: "", baseURL: "https://orders.example.com", scope: .global, auth: .basic(preEncoded: false))
        #expect(throws: FormErrors.self) {
            try fixture.store().updateSettings(integration.id, choices, secrets: CredentialSecrets(), by: .user(fixture.owner.id))
        }
        try fixture.store().updateSettings(
            integration.id, choices, secrets: CredentialSecrets(username: "ann", password: "a-long-password"), by: .user(fixture.owner.id))
        let hints = try #require(try fixture.store().get(integration.id).companyCredential?.hints)
        #expect(hints.keys.sorted() == ["password", "username"])
    }

    @Test func switchingToGlobalScopeDropsMembersOwnConnections() throws {
        let integration = try fixture.createOrders(scope: .perUser, secrets: CredentialSecrets())
        try fixture.credentials().connect(
            integrationID: integration.id, userID: fixture.member.id, secrets: CredentialSecrets(token: "member-token-123456"),
            by: .user(fixture.member.id))
        let global = IntegrationChoices(
            name: "Orders", description: "", baseURL: "https://orders.example.com", scope: .global, auth: .bearer)
        #expect(throws: FormErrors.self) {
            try fixture.store().updateSettings(integration.id, global, secrets: CredentialSecrets(), by: .user(fixture.owner.id))
        }
        try fixture.store().updateSettings(
            integration.id, global, secrets: CredentialSecrets(token: "company-token-123456"), by: .user(fixture.owner.id))
        #expect(try fixture.credentials().connection(integrationID: integration.id, userID: fixture.member.id) == nil)
        #expect(try fixture.store().list().first?.status == .ready)
    }

    @Test func rotatesSecretsAndAuditsIt() throws {
        let integration = try fixture.createOrders()
        try fixture.store().rotateSecrets(
            integration.id, CredentialSecrets(token: "rotated-token-99999999beef"), by: .user(fixture.owner.id))
        #expect(try fixture.store().get(integration.id).companyCredential?.hints["token"] == "set · ends in …beef")
        #expect(throws: FormErrors.self) {
            try fixture.store().rotateSecrets(integration.id, CredentialSecrets(), by: .user(fixture.owner.id))
        }
        #expect(try fixture.audit().events().contains { $0.event == "integration.credentials_rotated" })
    }

    @Test func renamesEnablesAndOverridesActions() throws {
        let integration = try fixture.createOrders()
        let actions = try fixture.store().actions(of: integration.id)
        try fixture.store().updateActions(
            of: integration.id,
            [
                ActionChoice(operationKey: actions[0].id, name: actions[1].name, isEnabled: false, writeOverride: true),
                ActionChoice(operationKey: actions[1].id, name: actions[0].name, isEnabled: true, writeOverride: false),
            ], by: .user(fixture.owner.id))
        let updated = try fixture.store().actions(of: integration.id)
        #expect(updated[0].name == "Create Order")
        #expect(updated[0].isEnabled == false)
        #expect(updated[0].isWrite == true)
        #expect(updated[1].name == "List Orders")
        #expect(updated[1].isWrite == false)
        #expect(throws: FormErrors.self) {
            try fixture.store().updateActions(
                of: integration.id, [ActionChoice(operationKey: actions[0].id, name: "Get Order", isEnabled: true)],
                by: .user(fixture.owner.id))
        }
    }

    @Test func anotherCompanysIntegrationIsNotFound() throws {
        let integration = try fixture.createOrders()
        let foreign = fixture.store(fixture.otherCompany)
        let actor = Actor.user(fixture.otherOwner.id)
        let actionID = try #require(try fixture.store().actions(of: integration.id).first?.id)
        let attempts: [() throws -> Void] = [
            { _ = try foreign.get(integration.id) },
            { _ = try foreign.actions(of: integration.id) },
            { _ = try foreign.action(actionID) },
            { try foreign.delete(integration.id, by: actor) },
            { try foreign.rotateSecrets(integration.id, CredentialSecrets(token: "x-123456789012"), by: actor) },
            {
                try foreign.updateSettings(
                    integration.id,
                    IntegrationChoices(name: "Mine", description: "", baseURL: "https://x.example", scope: .global, auth: .none),
                    secrets: CredentialSecrets(), by: actor)
            },
            { try foreign.updateActions(of: integration.id, [], by: actor) },
            { _ = try foreign.reimport(integration.id, draft: IntegrationsFixture.draft(IntegrationsFixture.ordersSchema), by: actor) },
            {
                try fixture.credentials(fixture.otherCompany).connect(
                    integrationID: integration.id, userID: fixture.otherOwner.id, secrets: CredentialSecrets(token: "x"), by: actor)
            },
        ]
        for (index, attempt) in attempts.enumerated() {
            do {
                try attempt()
                Issue.record("attempt \(index) reached another company's integration")
            } catch let error as DomainError {
                #expect(error.code == .notFound, "attempt \(index): \(error)")
            }
        }
        #expect(try fixture.store().get(integration.id).name == "Orders")
    }

    @Test func deletingRemovesActionsFromAgentsAndItsSecrets() throws {
        let integration = try fixture.createOrders()
        let actionID = try #require(try fixture.store().actions(of: integration.id).first?.id)
        try insertAgent(toolActionIDs: [actionID])
        try fixture.store().delete(integration.id, by: .user(fixture.owner.id))
        let counts = try fixture.database.read { conn in
            try ["actions", "agent_tools", "credentials", "integrations"].map { table in
                try conn.queryOne("SELECT count(*) AS n FROM \(table) WHERE company_id = ?", fixture.company.id)?["n"] as Int?
            }
        }
        #expect(counts == [0, 0, 0, 0])
        #expect(try fixture.audit().events().contains { $0.event == "integration.deleted" })
    }

    func insertAgent(toolActionIDs: [String]) throws {
        try fixture.database.write { conn in
            try conn.execute(
                "INSERT INTO agents (company_id, id, name, created_at, updated_at) VALUES (?, 'agent-1', 'Helper', 0, 0)",
                fixture.company.id)
            for id in toolActionIDs {
                try conn.execute(
                    "INSERT INTO agent_tools (company_id, agent_id, action_id, created_at) VALUES (?, 'agent-1', ?, 0)", fixture.company.id,
                    id)
            }
        }
    }
}
