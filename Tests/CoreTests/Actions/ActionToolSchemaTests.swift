import Core
import Testing
import YAML

/// The tool description of an action follows the executor's argument convention.
@Suite struct ActionToolSchemaTests {
    @Test func listsParametersAndBodyPropertiesWithWhatIsRequired() throws {
        let fixture = try ActionsFixture()
        let actions = try fixture.integrate(.bearer, secrets: CredentialSecrets(token: OrdersPeer.bearerToken)).actions
        let create = try #require(actions["createOrder"])
        let schema = ActionToolSchema.arguments(of: create.operation)
        #expect(schema["type"] == .string("object"))
        #expect(schema["properties"]?.objectValue?.keys == ["customer", "items", "note"])
        #expect(schema["required"] == .array([.string("customer"), .string("items")]))
        #expect(schema["properties"]?["items"]?["items"]?["properties"]?["quantity"]?["minimum"] == .double(1))

        let list = try #require(actions["listOrders"])
        let listSchema = ActionToolSchema.arguments(of: list.operation)
        #expect(listSchema["properties"]?["tag"]?["type"] == .string("array"))
        #expect(listSchema["properties"]?["limit"]?["maximum"] == .double(100))
        #expect(listSchema["required"] == nil)

        // What the schema describes is what the executor accepts.
        let outcome = try fixture.executor().run(
            actionID: create.id, argumentsJSON: #"{"customer": "Dee", "items": [{"sku": "CUP-2", "quantity": 1}]}"#,
            as: fixture.ownerContext)
        #expect(outcome.result?.status == 201)
    }
}
