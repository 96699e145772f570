import Core
import Foundation
import HTTPCore
import Testing
import YAML

/// Every action of the orders API, called through the executor against the real peer.
@Suite struct ActionExecutorTests {
    let fixture: ActionsFixture

    init() throws {
        fixture = try ActionsFixture()
    }

    func bearer() throws -> [String: IntegrationAction] {
        try fixture.integrate(.bearer, secrets: CredentialSecrets(token: OrdersPeer.bearerToken)).actions
    }

    func run(
        _ action: IntegrationAction?, _ arguments: KeyValuePairs<String, OrderedValue>, executor: ActionExecutor? = nil
    ) throws -> ActionOutcome {
        let action = try #require(action)
        return try (executor ?? fixture.executor()).run(actionID: action.id, arguments: OrderedObject(arguments), as: fixture.ownerContext)
    }

    @Test func importsTheSchemaFromItsURL() throws {
        let draft = try fixture.draft()
        #expect(draft.name == "Orders and Invoices")
        // No servers: the importer takes the schema's own origin.
        #expect(draft.baseURL == fixture.peer.baseURL)
        #expect(draft.actions.count == 13)
        #expect(draft.suggestedAuth == .bearer)
        #expect(draft.sourceURL == fixture.schemaURL)
    }

    @Test func sendsQueryParametersWithExplodedArraysAndTheBearerToken() throws {
        let actions = try bearer()
        let outcome = try run(
            actions["listOrders"], ["status": .string("open"), "tag": .array([.string("a"), .string("b c")]), "limit": .string("5")])
        let result = try #require(outcome.result, "\(outcome)")
        #expect(result.status == 200)
        let json = try #require(result.json)
        #expect(json["tags"] == .array([.string("a"), .string("b c")]))
        #expect(json["limit"] == .int(5))
        let statuses = try #require(json["orders"]?.arrayValue).map { $0["status"] }
        #expect(!statuses.isEmpty && statuses.allSatisfy { $0 == .string("open") })
        #expect(result.headers.contains { $0.name.lowercased() == "content-type" })
    }

    @Test func expandsPathParametersAndReturnsErrorStatusesAsResults() throws {
        let actions = try bearer()
        #expect(try run(actions["getOrder"], ["order_id": .int(2)]).result?.json?["customer"] == .string("Brian"))
        #expect(try run(actions["getOrder"], ["order_id": .int(99)]).result?.status == 404)
    }

    @Test func sendsAJSONBodyFromTheArguments() throws {
        let actions = try bearer()
        let item = OrderedValue.object(OrderedObject(["sku": .string("MUG-1"), "quantity": .int(3)]))
        let outcome = try run(actions["createOrder"], ["customer": .string("Cleo"), "items": .array([item])])
        let result = try #require(outcome.result, "\(outcome)")
        #expect(result.status == 201)
        #expect(result.json?["customer"] == .string("Cleo"))
        #expect(result.json?["status"] == .string("open"))
    }

    @Test func refusesArgumentsThatDoNotFitWithMessagesToActOn() throws {
        let actions = try bearer()
        let badItem = OrderedValue.object(OrderedObject(["sku": .string("MUG-1"), "quantity": .int(0)]))
        let problems = try run(actions["createOrder"], ["items": .array([badItem]), "colour": .string("red")]).problems
        let paths = Set(problems.map(\.path))
        #expect(paths.contains("body.customer"))
        #expect(paths.contains("body.items[0].quantity"))
        #expect(problems.first { $0.path == "body.items[0].quantity" }?.message == "must be at least 1")
        #expect(try run(actions["getOrder"], [:]).problems.map(\.path) == ["order_id"])
        #expect(try run(actions["getOrder"], ["order_id": .string("two")]).problems.first?.message.contains("integer") == true)
        #expect(!(try run(actions["listOrders"], ["status": .string("lost")]).problems.isEmpty))
        let text = try fixture.executor().run(
            actionID: try #require(actions["getOrder"]).id, argumentsJSON: "[1]", as: fixture.ownerContext)
        #expect(text.problems.count == 1)
    }

    @Test func redactsACredentialTheAPIEchoesBack() throws {
        let actions = try bearer()
        let result = try #require(try run(actions["echoSecret"], [:]).result)
        #expect(result.json?["you_sent"] == .string("[redacted]"))
        #expect(!result.bodyText.contains(OrdersPeer.bearerToken))
        #expect(result.bodyText.contains("token=[redacted];"))
    }

    @Test(arguments: [false, true])
    func sendsBasicCredentials(preEncoded: Bool) throws {
        let secrets =
            preEncoded
            ? CredentialSecrets(encodedBasic: Data("\(OrdersPeer.basicUser):\(OrdersPeer.basicPassword)".utf8).base64EncodedString())
            : CredentialSecrets(username: OrdersPeer.basicUser, password: OrdersPeer.basicPassword)
        let actions = try fixture.integrate(.basic(preEncoded: preEncoded), secrets: secrets).actions
        let result = try #require(try run(actions["listInvoices"], [:]).result)
        #expect(result.status == 200)
    }

    @Test func createsExactlyOneInvoiceWithTheAPIKeyHeader() throws {
        let actions = try fixture.integrate(
            .customHeaders(["X-API-Key"]), secrets: CredentialSecrets(headerValues: ["X-API-Key": OrdersPeer.apiKey])
        ).actions
        let before = try #require(try run(actions["countInvoices"], [:]).result?.json?["count"]?.doubleValue)
        let outcome = try run(
            actions["createInvoice"],
            ["body": .object(OrderedObject(["order_id": .int(1), "amount_cents": .int(4200), "currency": .string("EUR")]))])
        #expect(outcome.result?.status == 201, "\(outcome)")
        let after = try #require(try run(actions["countInvoices"], [:]).result?.json?["count"]?.doubleValue)
        #expect(after == before + 1)
    }

    @Test func sendsAFormBodyWithTheAPIKeyInTheQueryAndAuditsItRedacted() throws {
        let actions = try fixture.integrate(.apiKeyQuery("api_key"), secrets: CredentialSecrets(token: OrdersPeer.queryKey)).actions
        let outcome = try run(
            actions["recordPayment"], ["invoice_id": .int(7), "amount_cents": .int(1500), "method": .string("card & cash")])
        let result = try #require(outcome.result, "\(outcome)")
        #expect(result.status == 201)
        #expect(result.json?["method"] == .string("card & cash"))
        #expect(result.json?["invoice_id"] == .int(7))
        let event = try #require(try fixture.integrations.audit().events().first { $0.event == "action.run" })
        #expect(event.detail.contains("api_key=[redacted]"))
        #expect(!event.detail.contains(OrdersPeer.queryKey))
        #expect(event.detail.contains("\"credential\":\"global\""))
        #expect(event.detail.contains("\"status\":\"201\""))
    }

    @Test func sendsAMultipartFormWithAFilePartAndRepeatedFields() throws {
        let actions = try fixture.integrate(.apiKeyQuery("api_key"), secrets: CredentialSecrets(token: OrdersPeer.queryKey)).actions
        let outcome = try run(
            actions["attachFile"],
            ["invoice_id": .int(7), "file": .string("line one\nline \"two\""), "note": .string("signed copy"), "tags": .array([.string("a"), .string("b")])])
        let result = try #require(outcome.result, "\(outcome)")
        #expect(result.status == 201, "\(result.bodyText)")
        #expect(result.json?["filename"] == .string("file"))
        #expect(result.json?["text"] == .string("line one\nline \"two\""))
        #expect(result.json?["note"] == .string("signed copy"))
        #expect(result.json?["tags"] == .array([.string("a"), .string("b")]))
    }

    @Test func truncatesALargeResponseToTheBudgetAndSaysHowMuchWasLeftOut() throws {
        let actions = try bearer()
        let result = try #require(try run(actions["largeReport"], ["rows": .int(2000)]).result)
        #expect(result.status == 200)
        #expect(result.json == nil)
        #expect(result.bodyText.utf8.count <= 16 * 1024)
        #expect(result.omittedBytes > 40_000)
        #expect(result.note?.contains("\(result.omittedBytes) bytes were left out") == true)
    }

    @Test func reportsASlowResponseAsAFailureAfterTheReadTimeout() throws {
        let actions = try bearer()
        let executor = fixture.executor(client: try OrdersPeer.client(readTimeout: .milliseconds(500)))
        let outcome = try run(actions["slowReport"], ["seconds": .int(3)], executor: executor)
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(reason.contains("read timeout"))
    }

    @Test func returnsARedirectWithoutFollowingIt() throws {
        let actions = try bearer()
        let result = try #require(try run(actions["movedReport"], [:]).result)
        #expect(result.status == 302)
        #expect(result.headers.contains { $0.name.lowercased() == "location" && $0.value == "/invoices/count" })
    }

    @Test func sendsHeaderAndCookieParametersAndRedactsEchoedHeaderValues() throws {
        let actions = try fixture.integrate(
            .customHeaders(["X-API-Key"]), secrets: CredentialSecrets(headerValues: ["X-API-Key": OrdersPeer.apiKey])
        ).actions
        let result = try #require(
            try run(actions["echoHeaders"], ["x-trace-id": .string("trace-1"), "session_hint": .string("blue-sky")]).result)
        #expect(result.json?["trace"] == .string("trace-1"))
        #expect(result.json?["cookie"] == .string("blue-sky"))
        #expect(result.json?["headers"]?["x-api-key"] == .string("[redacted]"))
        #expect(!result.bodyText.contains(OrdersPeer.apiKey))
    }

    @Test func previewsTheRequestWithCredentialsRedacted() throws {
        let actions = try fixture.integrate(
            .customHeaders(["X-API-Key"]), secrets: CredentialSecrets(headerValues: ["X-API-Key": OrdersPeer.apiKey])
        ).actions
        let action = try #require(actions["createInvoice"])
        let preview = try fixture.executor().preview(
            actionID: action.id, arguments: OrderedObject(["order_id": .int(1), "amount_cents": .int(100), "currency": .string("USD")]))
        #expect(preview.method == "POST")
        #expect(preview.url == fixture.peer.baseURL + "/invoices")
        #expect(preview.headers.contains(NameValue(name: "X-API-Key", value: "[redacted]")))
        #expect(preview.body == #"{"order_id":1,"amount_cents":100,"currency":"USD"}"#)
        #expect(preview.isWrite)
        #expect(throws: FormErrors.self) { try fixture.executor().preview(actionID: action.id, arguments: OrderedObject()) }
    }

    @Test func refusesADisabledActionToAnAgentButLetsAnAdminTestIt() throws {
        let integration = try fixture.integrate(.bearer, secrets: CredentialSecrets(token: OrdersPeer.bearerToken))
        let action = try #require(integration.actions["countInvoices"])
        try fixture.integrations.store().updateActions(
            of: integration.integration.id, [ActionChoice(operationKey: action.id, name: action.name, isEnabled: false)],
            by: .user(fixture.integrations.owner.id))
        let agentContext = ActionRunContext(userID: fixture.integrations.owner.id, agentID: "agent-1")
        #expect(throws: DomainError.self) { try fixture.executor().run(actionID: action.id, arguments: OrderedObject(), as: agentContext) }
        let test = ActionRunContext(userID: fixture.integrations.owner.id, purpose: .adminTest)
        #expect(try fixture.executor().run(actionID: action.id, arguments: OrderedObject(), as: test).result?.status == 200)
        #expect(try fixture.integrations.audit().events().contains { $0.event == "integration.tested" })
    }

    @Test func anotherCompanysActionIsNotFound() throws {
        let action = try #require(try bearer()["countInvoices"])
        let foreign = ActionExecutor(
            database: fixture.integrations.database, companyID: fixture.integrations.otherCompany.id, vault: fixture.integrations.vault,
            client: fixture.client,
            tokenProvider: StoredTokenProvider(credentials: fixture.integrations.credentials(fixture.integrations.otherCompany)))
        #expect(throws: DomainError(.notFound, "No such action.")) {
            try foreign.run(
                actionID: action.id, arguments: OrderedObject(), as: ActionRunContext(userID: fixture.integrations.otherOwner.id))
        }
    }
}
