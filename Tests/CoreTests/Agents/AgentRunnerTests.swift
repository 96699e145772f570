import Core
import Dispatch
import Foundation
import Synchronization
import Testing

/// Agent turns against the real orders API: reads run, writes wait for one Confirm by the same
/// member, checked at the database and at the API server's invoice count. Serialized: the tests
/// count the invoices of one shared server.
@Suite(.serialized) struct AgentRunnerTests {
    let fixture: AgentsFixture

    init() throws {
        fixture = try AgentsFixture()
    }

    /// A conversation that stopped at a confirmation card for a new invoice.
    func pendingInvoice(runner: AgentRunner? = nil) throws -> (conversation: Conversation, card: ConfirmationCard) {
        let conversation = try fixture.conversation()
        let added = try (runner ?? fixture.runner()).send(
            "Create an invoice for order 1 for 120 EUR", in: conversation.id, as: fixture.caller)
        return (conversation, try #require(added.confirmation, "\(added)"))
    }

    @Test func aReadRunsAtOnceAndTheReplyRestsOnItsResult() throws {
        let conversation = try fixture.conversation()
        let added = try fixture.runner().send("What's the status of order 2?", in: conversation.id, as: fixture.caller)
        let card = try #require(added.results.first)
        #expect(card.method == "GET")
        #expect(card.path == "/orders/{order_id}")
        #expect(card.status == 200)
        #expect(card.durationMilliseconds != nil)
        #expect(card.bodyPreview.contains("\"shipped\""))
        #expect(card.summary?.fields.contains(Summary.Field(label: "Status", value: "shipped")) == true)
        let reply = try #require(added.replies.last)
        #expect(!reply.isEmpty)
        #expect(reply.contains("shipped"))
        let detail = try fixture.conversations().get(conversation.id, for: fixture.member.id)
        #expect(detail.conversation.title == "What's the status of order 2?")
        #expect(detail.messages.map(\.role) == [.user, .tool, .assistant])
        #expect(detail.messages.map(\.position) == detail.messages.map(\.position).sorted())
        #expect(try fixture.integrations.audit().events().contains { $0.event == "action.run" && $0.targetID == card.actionID })
    }

    @Test func aWriteBecomesAConfirmationCardWithCredentialsRedactedAndDoesNotRun() throws {
        let before = try fixture.invoiceCount()
        let (_, card) = try pendingInvoice()
        #expect(card.actionName == "Create Invoice")
        #expect(card.method == "POST")
        #expect(card.url == fixture.peer.baseURL + "/invoices")
        #expect(card.body.contains("\"order_id\":1"))
        #expect(card.headers.contains(NameValue(name: "X-API-Key", value: "[redacted]")))
        #expect(!card.headers.contains { $0.value.contains(OrdersPeer.apiKey) || $0.value.contains(OrdersPeer.bearerToken) })
        #expect(card.status == .pending)
        #expect(try fixture.pendingStatuses()[card.pendingActionID] == "pending")
        #expect(try fixture.invoiceCount() == before)
    }

    @Test func confirmCreatesExactlyOneInvoiceAndASecondConfirmDoesNothing() throws {
        let runner = fixture.runner()
        let (conversation, card) = try pendingInvoice(runner: runner)
        let before = try fixture.invoiceCount()
        let added = try runner.confirm(pendingActionID: card.pendingActionID, as: fixture.caller)
        #expect(added.results.first?.status == 201)
        #expect(added.results.first?.summary != nil)
        #expect(!(added.replies.last ?? "").isEmpty)
        #expect(try fixture.invoiceCount() == before + 1)
        #expect(throws: DomainError(.conflict, "This action is already succeeded.")) {
            try runner.confirm(pendingActionID: card.pendingActionID, as: fixture.caller)
        }
        #expect(try fixture.invoiceCount() == before + 1)
        #expect(try fixture.pendingStatuses()[card.pendingActionID] == "succeeded")
        let shown = try fixture.conversations().get(conversation.id, for: fixture.member.id).messages
        #expect(shown.confirmation?.status == .succeeded)
        let events = try fixture.integrations.audit().events().map(\.event)
        #expect(events.contains("pending_action.created"))
        #expect(events.contains("pending_action.confirmed"))
        #expect(events.contains("pending_action.refused"))
    }

    @Test func cancelCreatesNoInvoiceAndTellsTheAgentTheMemberDeclined() throws {
        let runner = fixture.runner()
        let (_, card) = try pendingInvoice(runner: runner)
        let before = try fixture.invoiceCount()
        let added = try runner.cancel(pendingActionID: card.pendingActionID, as: fixture.caller)
        #expect(added.replies.last?.contains("declined") == true)
        #expect(try fixture.pendingStatuses()[card.pendingActionID] == "cancelled")
        #expect(throws: DomainError.self) { try runner.confirm(pendingActionID: card.pendingActionID, as: fixture.caller) }
        #expect(try fixture.invoiceCount() == before)
        #expect(try fixture.integrations.audit().events().contains { $0.event == "pending_action.cancelled" })
    }

    @Test func concurrentConfirmsFromSeveralThreadsRunItOnce() throws {
        let runner = fixture.runner()
        let (_, card) = try pendingInvoice(runner: runner)
        let before = try fixture.invoiceCount()
        let outcomes = Mutex<[Bool]>([])
        let caller = fixture.caller
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let confirmed = (try? runner.confirm(pendingActionID: card.pendingActionID, as: caller)) != nil
            outcomes.withLock { $0.append(confirmed) }
        }
        #expect(outcomes.withLock { $0.filter { $0 }.count } == 1)
        #expect(try fixture.invoiceCount() == before + 1)
    }

    @Test func anotherMemberCanNeitherConfirmNorCancelNorWriteInTheConversation() throws {
        let runner = fixture.runner()
        let (conversation, card) = try pendingInvoice(runner: runner)
        let before = try fixture.invoiceCount()
        let owner = ConversationCaller(userID: fixture.owner.id)
        let notFound = DomainError(.notFound, "No such pending action.")
        #expect(throws: notFound) { try runner.confirm(pendingActionID: card.pendingActionID, as: owner) }
        #expect(throws: notFound) { try runner.cancel(pendingActionID: card.pendingActionID, as: owner) }
        #expect(throws: DomainError(.notFound, "No such conversation.")) { try runner.send("Hello", in: conversation.id, as: owner) }
        #expect(try fixture.pendingStatuses()[card.pendingActionID] == "pending")
        #expect(try fixture.invoiceCount() == before)
    }

    @Test func anExpiredPendingActionIsRefused() throws {
        let runner = fixture.runner(configuration: AgentRunnerConfiguration(pendingActionLifetime: 60))
        let (_, card) = try pendingInvoice(runner: runner)
        let before = try fixture.invoiceCount()
        fixture.integrations.accounts.time.advance(by: 61)
        #expect(throws: DomainError(.conflict, "This action expired before it was confirmed. Ask again to get a new one.")) {
            try runner.confirm(pendingActionID: card.pendingActionID, as: fixture.caller)
        }
        #expect(try fixture.pendingStatuses()[card.pendingActionID] == "expired")
        #expect(try fixture.invoiceCount() == before)
    }

    @Test func aParametersFormFillsWhatIsMissingAndThenAsksForConfirmation() throws {
        let runner = fixture.runner()
        let conversation = try fixture.conversation()
        let added = try runner.send("Create an invoice for ACME for 120 EUR", in: conversation.id, as: fixture.caller)
        let form = try #require(added.parameters, "\(added)")
        #expect(form.card.request.missing.map(\.name) == ["order_id"])
        #expect(added.replies.last == form.card.request.message)
        let errors = try #require(throws: FormErrors.self) {
            try runner.submitParameters(messageID: form.messageID, in: conversation.id, values: ["order_id": "first"], as: fixture.caller)
        }
        #expect(errors.fields.map(\.field) == ["order_id"])
        let next = try runner.submitParameters(
            messageID: form.messageID, in: conversation.id, values: ["order_id": "1"], as: fixture.caller)
        let card = try #require(next.confirmation, "\(next)")
        #expect(card.body.contains("\"order_id\":1"))
        #expect(throws: DomainError(.conflict, "This form was already sent.")) {
            try runner.submitParameters(messageID: form.messageID, in: conversation.id, values: ["order_id": "1"], as: fixture.caller)
        }
        let shown = try fixture.conversations().get(conversation.id, for: fixture.member.id).messages
        #expect(shown.parameters?.card.isAnswered == true)
    }

    @Test func aWriteSwitchedOffForTheAgentBeforeConfirmDoesNotRun() throws {
        let runner = fixture.runner()
        let (_, card) = try pendingInvoice(runner: runner)
        let before = try fixture.invoiceCount()
        let stillEnabled = try fixture.agents().enabledTools(of: fixture.agent.id).map(\.actionID).filter { $0 != card.actionID }
        try fixture.agents().setEnabledActions(of: fixture.agent.id, stillEnabled, by: .user(fixture.member.id))
        let added = try runner.confirm(pendingActionID: card.pendingActionID, as: fixture.caller)
        #expect(added.results.isEmpty)
        #expect(added.replies.last?.contains("no longer enabled") == true)
        #expect(try fixture.pendingStatuses()[card.pendingActionID] == "failed")
        #expect(try fixture.invoiceCount() == before)
    }

    @Test func rejectsAnEmptyMessage() throws {
        let conversation = try fixture.conversation()
        let errors = try #require(throws: FormErrors.self) { try fixture.runner().send("  \n", in: conversation.id, as: fixture.caller) }
        #expect(errors["message"] == "Write a message.")
    }
}
