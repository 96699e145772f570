import Core
import Foundation
import Testing

/// Per-user integrations: a member without a connection is asked to connect, and the turn
/// resumes where it stopped once they have.
@Suite struct AgentConnectTests {
    let fixture: AgentsFixture

    init() throws {
        fixture = try AgentsFixture(scope: .perUser)
    }

    func connectMember() throws {
        try fixture.integrations.credentials().connect(
            integrationID: fixture.integration.id, userID: fixture.member.id, secrets: AgentsFixture.secrets, by: .user(fixture.member.id))
    }

    @Test func aReadPromptsToConnectThenRunsAfterConnectingAndResuming() throws {
        let runner = fixture.runner()
        let conversation = try fixture.conversation()
        let added = try runner.send("What's the status of order 2?", in: conversation.id, as: fixture.caller)
        let card = try #require(added.connect, "\(added)")
        #expect(card.message == "Connect Orders API to continue.")
        #expect(card.integrationID == fixture.integration.id)
        #expect(try fixture.pendingStatuses()[card.pendingActionID] == "awaiting_connection")
        #expect(throws: DomainError(.conflict, "Connect Orders API to continue.")) {
            try runner.resume(pendingActionID: card.pendingActionID, as: fixture.caller)
        }
        try connectMember()
        let resumed = try runner.resume(pendingActionID: card.pendingActionID, as: fixture.caller)
        #expect(resumed.results.first?.status == 200)
        #expect(!(resumed.replies.last ?? "").isEmpty)
        #expect(try fixture.pendingStatuses()[card.pendingActionID] == "succeeded")
        #expect(throws: DomainError.self) { try runner.resume(pendingActionID: card.pendingActionID, as: fixture.caller) }
        let shown = try fixture.conversations().get(conversation.id, for: fixture.member.id).messages
        #expect(shown.connect?.status == .succeeded)
    }

    @Test func aWriteStillAsksForConfirmationAfterConnecting() throws {
        let runner = fixture.runner()
        let conversation = try fixture.conversation()
        let added = try runner.send("Create an invoice for order 1 for 120 EUR", in: conversation.id, as: fixture.caller)
        let prompt = try #require(added.connect, "\(added)")
        try connectMember()
        let resumed = try runner.resume(pendingActionID: prompt.pendingActionID, as: fixture.caller)
        let card = try #require(resumed.confirmation, "\(resumed)")
        #expect(card.pendingActionID == prompt.pendingActionID)
        #expect(try fixture.pendingStatuses()[card.pendingActionID] == "pending")
        let confirmed = try runner.confirm(pendingActionID: card.pendingActionID, as: fixture.caller)
        #expect(confirmed.results.first?.status == 201)
    }

    @Test func anotherMemberCannotResumeSomeoneElsesPrompt() throws {
        let runner = fixture.runner()
        let conversation = try fixture.conversation()
        let prompt = try #require(try runner.send("What's the status of order 2?", in: conversation.id, as: fixture.caller).connect)
        #expect(throws: DomainError(.notFound, "No such pending action.")) {
            try runner.resume(pendingActionID: prompt.pendingActionID, as: ConversationCaller(userID: fixture.owner.id))
        }
    }
}
