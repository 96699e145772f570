import Core
import Foundation
import Testing

/// Agents: create, list, update, delete, validation, and another company's ids.
@Suite struct AgentStoreTests {
    let fixture: IntegrationsFixture

    init() throws {
        fixture = try IntegrationsFixture()
    }

    func agents(_ company: Company? = nil) -> AgentStore {
        AgentStore(database: fixture.database, companyID: (company ?? fixture.company).id, clock: fixture.clock)
    }

    @Test func aMemberCreatesAnAgentThatDefaultsToTheOfflineModel() throws {
        let agent = try agents().create(
            AgentDraft(name: "  Billing helper ", description: "Invoices", instructions: "Be brief.", model: ""),
            by: .user(fixture.member.id))
        #expect(agent.name == "Billing helper")
        #expect(agent.model == "offline")
        #expect(agent.usesOfflineModel)
        #expect(agent.createdBy == fixture.member.id)
        #expect(try agents().get(agent.id) == agent)
        #expect(try agents().list().map(\.name) == ["Billing helper"])
        #expect(try fixture.audit().events().contains { $0.event == "agent.created" && $0.targetID == agent.id })
    }

    @Test func listsAgentsByNameWhateverTheirCase() throws {
        for name in ["zeta", "Alpha", "beta"] { _ = try agents().create(AgentDraft(name: name), by: .user(fixture.owner.id)) }
        #expect(try agents().list().map(\.name) == ["Alpha", "beta", "zeta"])
    }

    @Test func updatesTheFieldsAndTheModel() throws {
        let agent = try agents().create(AgentDraft(name: "Helper"), by: .user(fixture.owner.id))
        fixture.accounts.time.advance(by: 60)
        let updated = try agents().update(
            agent.id, AgentDraft(name: "Orders helper", instructions: "Answer about orders.", model: "gpt-4o-mini"),
            by: .user(fixture.member.id))
        #expect(updated.name == "Orders helper")
        #expect(updated.model == "gpt-4o-mini")
        #expect(!updated.usesOfflineModel)
        #expect(updated.updatedAt > agent.updatedAt)
        #expect(try agents().get(agent.id) == updated)
    }

    @Test func rejectsBadFieldsNextToEachField() throws {
        let draft = AgentDraft(
            name: "   ", description: String(repeating: "d", count: 2_001), instructions: String(repeating: "i", count: 20_001),
            model: "gpt 4; drop")
        let errors = try #require(throws: FormErrors.self) { try agents().create(draft, by: .user(fixture.owner.id)) }
        #expect(Set(errors.fields.map(\.field)) == ["name", "description", "instructions", "model"])
        #expect(try agents().list().isEmpty)
    }

    @Test func deletesAnAgent() throws {
        let agent = try agents().create(AgentDraft(name: "Helper"), by: .user(fixture.owner.id))
        try agents().delete(agent.id, by: .user(fixture.member.id))
        #expect(try agents().list().isEmpty)
        #expect(throws: DomainError(.notFound, "No such agent.")) { try agents().get(agent.id) }
        #expect(try fixture.audit().events().contains { $0.event == "agent.deleted" })
    }

    @Test func anotherCompanysAgentIsNotFoundForEveryOperation() throws {
        let theirs = try agents(fixture.otherCompany).create(AgentDraft(name: "Theirs"), by: .user(fixture.otherOwner.id))
        let notFound = DomainError(.notFound, "No such agent.")
        #expect(throws: notFound) { try agents().get(theirs.id) }
        #expect(throws: notFound) { try agents().update(theirs.id, AgentDraft(name: "Mine now"), by: .user(fixture.owner.id)) }
        #expect(throws: notFound) { try agents().delete(theirs.id, by: .user(fixture.owner.id)) }
        #expect(throws: notFound) { try agents().toolSettings(of: theirs.id) }
        #expect(throws: notFound) { try agents().setEnabledActions(of: theirs.id, [], by: .user(fixture.owner.id)) }
        #expect(try agents().list().isEmpty)
        #expect(try agents(fixture.otherCompany).get(theirs.id).name == "Theirs")
    }
}
