import Core
import Foundation
import OpenAPI
import Testing

@Suite struct IntegrationReimportTests {
    let fixture: IntegrationsFixture

    init() throws {
        fixture = try IntegrationsFixture()
    }

    /// The orders schema with `GET /orders` changed (a new parameter), `POST /orders` removed
    /// and `DELETE /orders/{id}` added.
    static let newSchema = """
        openapi: 3.0.3
        info: {title: Orders, version: "2"}
        servers: [{url: "https://orders.example.com/v1"}]
        paths:
          /orders:
            get:
              operationId: listOrders
              summary: List orders
              parameters: [{name: status, in: query, schema: {type: string}}]
              responses: {"200": {description: ok}}
          /orders/{orderId}:
            get:
              operationId: getOrder
              summary: Get an order
              parameters: [{name: orderId, in: path, required: true, schema: {type: integer}}]
              responses: {"200": {description: ok}}
            delete:
              operationId: deleteOrder
              summary: Delete an order
              parameters: [{name: orderId, in: path, required: true, schema: {type: integer}}]
              responses: {"204": {description: gone}}
        """

    @Test func previewsTheDiffWithTheNamesThatWillBeKept() throws {
        let integration = try fixture.createOrders()
        let actions = try fixture.store().actions(of: integration.id)
        try fixture.store().updateActions(
            of: integration.id, [ActionChoice(operationKey: actions[0].id, name: "Browse orders", isEnabled: true)],
            by: .user(fixture.owner.id))
        let preview = try fixture.store().previewReimport(integration.id, draft: try IntegrationsFixture.draft(Self.newSchema))
        #expect(preview.diff.added.map(\.identity.key) == ["DELETE /orders/{}"])
        #expect(preview.diff.removed.map(\.identity.key) == ["POST /orders"])
        #expect(preview.diff.changed.map(\.new.identity.key) == ["GET /orders", "GET /orders/{}"])
        #expect(preview.keptNames["GET /orders"] == "Browse orders")
        #expect(try fixture.store().actions(of: integration.id).count == 3)
    }

    @Test func keepsRenamedNamesTogglesAndAgentToolsOfKeptActions() throws {
        let integration = try fixture.createOrders()
        let before = try fixture.store().actions(of: integration.id)
        let list = before[0]
        let create = before[1]
        try fixture.store().updateActions(
            of: integration.id, [ActionChoice(operationKey: list.id, name: "Browse orders", isEnabled: false, writeOverride: true)],
            by: .user(fixture.owner.id))
        try fixture.database.write { conn in
            try conn.execute(
                "INSERT INTO agents (company_id, id, name, created_at, updated_at) VALUES (?, 'agent-1', 'Helper', 0, 0)",
                fixture.company.id)
            for id in [list.id, create.id] {
                try conn.execute(
                    "INSERT INTO agent_tools (company_id, agent_id, action_id, created_at) VALUES (?, 'agent-1', ?, 0)", fixture.company.id,
                    id)
            }
        }

        let diff = try fixture.store().reimport(
            integration.id, draft: try IntegrationsFixture.draft(Self.newSchema), by: .user(fixture.owner.id))
        #expect(diff.added.count == 1 && diff.removed.count == 1)

        let after = try fixture.store().actions(of: integration.id)
        let kept = try #require(after.first { $0.id == list.id })
        #expect(kept.name == "Browse orders")
        #expect(kept.isEnabled == false)
        #expect(kept.writeOverride == true)
        #expect(kept.operation.parameters.map(\.name) == ["status"])
        #expect(!after.contains { $0.id == create.id })
        #expect(after.contains { $0.name == "Delete Order" && $0.isWrite })
        let tools = try fixture.database.read { conn in
            try conn.query("SELECT action_id FROM agent_tools WHERE company_id = ?", fixture.company.id).map {
                try $0["action_id"] as String
            }
        }
        #expect(tools == [list.id])
        #expect(try fixture.audit().events().contains { $0.event == "integration.reimported" })
    }

    @Test func givesAnAddedActionAFreeName() throws {
        let integration = try fixture.createOrders()
        let actions = try fixture.store().actions(of: integration.id)
        try fixture.store().updateActions(
            of: integration.id, [ActionChoice(operationKey: actions[0].id, name: "Delete Order", isEnabled: true)],
            by: .user(fixture.owner.id))
        try fixture.store().reimport(integration.id, draft: try IntegrationsFixture.draft(Self.newSchema), by: .user(fixture.owner.id))
        let names = try fixture.store().actions(of: integration.id).map(\.name)
        #expect(names.contains("Delete Order"))
        #expect(names.contains("Delete Order 2"))
    }
}
