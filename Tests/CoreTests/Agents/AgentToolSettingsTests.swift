import Core
import Foundation
import Testing

/// The Tools settings: what is offered, what can be enabled, and the size of the set.
@Suite struct AgentToolSettingsTests {
    let fixture: IntegrationsFixture
    let agents: AgentStore
    let agent: Agent

    init() throws {
        fixture = try IntegrationsFixture()
        agents = AgentStore(database: fixture.database, companyID: fixture.company.id, clock: fixture.clock)
        agent = try agents.create(AgentDraft(name: "Helper"), by: .user(fixture.member.id))
    }

    func actions(of integration: Integration, in company: Company? = nil) throws -> [String: IntegrationAction] {
        Dictionary(
            uniqueKeysWithValues: try fixture.store(company).actions(of: integration.id).map { ($0.operation.operationID ?? $0.name, $0) })
    }

    @Test func listsEachIntegrationWithItsActionsAccessAndScope() throws {
        let orders = try fixture.createOrders()
        _ = try fixture.createOrders(name: "Shop", scope: .perUser, secrets: CredentialSecrets())
        let byID = try actions(of: orders)
        try agents.setEnabledActions(of: agent.id, [try #require(byID["getOrder"]).id], by: .user(fixture.member.id))
        let settings = try agents.toolSettings(of: agent.id)
        #expect(settings.integrations.map(\.name) == ["Orders", "Shop"])
        #expect(settings.integrations.map(\.scope) == [.global, .perUser])
        let first = try #require(settings.integrations.first)
        #expect(first.actions.map(\.name) == ["List Orders", "Create Order", "Get Order"])
        #expect(first.actions.map(\.isWrite) == [false, true, false])
        #expect(first.actions.filter(\.isEnabledForAgent).map(\.name) == ["Get Order"])
        #expect(first.enabledCount == 1)
        #expect(settings.toolCount == 1)
        #expect(settings.size.estimatedTokens > 0)
        #expect(settings.warning == nil)
    }

    @Test func replacesTheWholeSetAndGivesTheModelUniqueToolNames() throws {
        let orders = try fixture.createOrders()
        let shop = try fixture.createOrders(name: "Shop")
        let all = try actions(of: orders).values.map(\.id) + actions(of: shop).values.map(\.id)
        try agents.setEnabledActions(of: agent.id, all + all, by: .user(fixture.member.id))
        let tools = try agents.enabledTools(of: agent.id)
        #expect(tools.count == 6)
        #expect(Set(tools.map(\.description.name)).count == 6)
        #expect(tools.filter(\.isWrite).count == 2)
        try agents.setEnabledActions(of: agent.id, [], by: .user(fixture.member.id))
        #expect(try agents.enabledTools(of: agent.id).isEmpty)
        #expect(try fixture.audit().events().contains { $0.event == "agent.tools_updated" })
    }

    @Test func anotherCompanysActionCannotBeEnabledAndNothingChanges() throws {
        let mine = try actions(of: try fixture.createOrders())
        let theirs = try actions(of: try fixture.createOrders(in: fixture.otherCompany), in: fixture.otherCompany)
        let getOrder = try #require(mine["getOrder"]).id
        try agents.setEnabledActions(of: agent.id, [getOrder], by: .user(fixture.member.id))
        #expect(throws: DomainError(.notFound, "No such action.")) {
            try agents.setEnabledActions(of: agent.id, [getOrder, try #require(theirs["listOrders"]).id], by: .user(fixture.member.id))
        }
        #expect(try agents.enabledTools(of: agent.id).map(\.actionID) == [getOrder])
    }

    @Test func disabledActionsAreNeitherOfferedNorEnabledNorGivenToTheModel() throws {
        let orders = try fixture.createOrders()
        let byID = try actions(of: orders)
        let createOrder = try #require(byID["createOrder"])
        try agents.setEnabledActions(of: agent.id, [createOrder.id], by: .user(fixture.member.id))
        try fixture.store().updateActions(
            of: orders.id, [ActionChoice(operationKey: createOrder.id, name: createOrder.name, isEnabled: false)],
            by: .user(fixture.owner.id))
        #expect(try agents.enabledTools(of: agent.id).isEmpty)
        #expect(try agents.toolSettings(of: agent.id).integrations.first?.actions.map(\.name) == ["List Orders", "Get Order"])
        #expect(throws: DomainError(.notFound, "No such action.")) {
            try agents.setEnabledActions(of: agent.id, [createOrder.id], by: .user(fixture.member.id))
        }
    }

    @Test func warnsWhenThereAreTooManyToolsToChooseWell() throws {
        var ids: [String] = []
        for number in 1...8 { ids += try actions(of: try fixture.createOrders(name: "Orders \(number)")).values.map(\.id) }
        try agents.setEnabledActions(of: agent.id, ids, by: .user(fixture.member.id))
        let settings = try agents.toolSettings(of: agent.id)
        #expect(settings.toolCount == 24)
        #expect(settings.warning?.contains("24 tools") == true)
    }
}
