import Core
import Foundation
import Testing

/// Conversations belong to the member who started them: nobody else sees them.
@Suite struct ConversationStoreTests {
    let fixture: IntegrationsFixture
    let agent: Agent
    let conversations: ConversationStore

    init() throws {
        fixture = try IntegrationsFixture()
        agent = try AgentStore(database: fixture.database, companyID: fixture.company.id, clock: fixture.clock)
            .create(AgentDraft(name: "Helper"), by: .user(fixture.owner.id))
        conversations = ConversationStore(database: fixture.database, companyID: fixture.company.id, clock: fixture.clock)
    }

    @Test func aMemberStartsListsAndReadsTheirOwnConversations() throws {
        let first = try conversations.start(agentID: agent.id, by: fixture.member.id)
        fixture.accounts.time.advance(by: 5)
        let second = try conversations.start(agentID: agent.id, by: fixture.member.id)
        #expect(first.agentName == "Helper")
        #expect(try conversations.list(for: fixture.member.id).map(\.id) == [second.id, first.id])
        #expect(try conversations.list(for: fixture.member.id, agentID: "another").isEmpty)
        let detail = try conversations.get(first.id, for: fixture.member.id)
        #expect(detail.conversation == first)
        #expect(detail.agent == agent)
        #expect(detail.messages.isEmpty)
    }

    @Test func anotherMembersConversationIsNotFound() throws {
        let mine = try conversations.start(agentID: agent.id, by: fixture.member.id)
        #expect(throws: DomainError(.notFound, "No such conversation.")) { try conversations.get(mine.id, for: fixture.owner.id) }
        #expect(try conversations.list(for: fixture.owner.id).isEmpty)
    }

    @Test func anotherCompanysAgentsAndMembersCannotStartOne() throws {
        let theirs = try AgentStore(database: fixture.database, companyID: fixture.otherCompany.id, clock: fixture.clock)
            .create(AgentDraft(name: "Theirs"), by: .user(fixture.otherOwner.id))
        #expect(throws: DomainError(.notFound, "No such agent.")) { try conversations.start(agentID: theirs.id, by: fixture.member.id) }
        #expect(throws: DomainError(.notFound, "No such member.")) { try conversations.start(agentID: agent.id, by: fixture.otherOwner.id) }
        let other = ConversationStore(database: fixture.database, companyID: fixture.otherCompany.id, clock: fixture.clock)
        let mine = try conversations.start(agentID: agent.id, by: fixture.member.id)
        #expect(throws: DomainError(.notFound, "No such conversation.")) { try other.get(mine.id, for: fixture.member.id) }
    }
}
