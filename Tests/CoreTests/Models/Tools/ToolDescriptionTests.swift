import OpenAPI
import Testing
import YAML

@testable import Core

@Suite struct ToolDescriptionTests {
    @Test func describesAnOperationWithPathAndQueryParameters() async throws {
        let tools = try await OrdersAPI.tools()
        let getOrder = try #require(tools.first { $0.name == "getOrder" })
        #expect(getOrder.title == "Get Order")
        #expect(getOrder.access == .read)
        #expect(getOrder.method == .get)
        #expect(getOrder.pathTemplate == "/orders/{orderId}")
        #expect(getOrder.description == "Get an order\n\nReturns the order with its status and lines.")
        let orderID = try #require(getOrder.parameters.first)
        #expect(orderID.name == "orderId")
        #expect(orderID.label == "Order ID")
        #expect(orderID.location == .path)
        #expect(orderID.type == .integer)
        #expect(orderID.isRequired)
    }

    @Test func leavesCredentialHeadersOut() async throws {
        let listInvoices = try #require(try await OrdersAPI.tools().first { $0.name == "listInvoices" })
        #expect(listInvoices.parameters.map(\.name) == ["status", "customer"])
    }

    @Test func flattensAJSONBodyIntoArgumentsWithoutReadOnlyProperties() async throws {
        let createInvoice = try #require(try await OrdersAPI.tools().first { $0.name == "createInvoice" })
        #expect(createInvoice.access == .write)
        #expect(createInvoice.parameters.map(\.name) == ["customer", "amount", "currency", "dueDate", "email"])
        #expect(createInvoice.parameters.allSatisfy { $0.location == .body })
        #expect(createInvoice.parameters.filter(\.isRequired).map(\.name) == ["customer", "amount", "currency"])
        #expect(createInvoice.parameter(named: "dueDate")?.format == "date")
    }

    @Test func takesABodyWhosePropertyClashesWithAParameterAsOneArgument() {
        var body = Schema()
        body.types = [.object]
        var text = Schema()
        text.types = [.string]
        body.properties = [Schema.Property(name: "id", schema: text), Schema.Property(name: "title", schema: text)]
        let operation = APIOperation(
            name: "Update Note", method: .put, pathTemplate: "/notes/{id}",
            parameters: [Parameter(name: "id", location: .path, schema: text)],
            requestBody: RequestBody(
                description: nil, isRequired: true, content: [MediaType(contentType: "application/json", schema: body)]))
        let tool = ToolDescription(operation: operation)
        #expect(tool.name == "updateNote")
        #expect(tool.parameters.map(\.name) == ["id", "body"])
        #expect(tool.parameters.map(\.sourceName) == ["id", nil])
        #expect(tool.parameters.last?.type == .object)
        #expect(tool.parameters.last?.isRequired == true)
    }

    @Test func flattensAFormBody() {
        var body = Schema()
        body.types = [.object]
        var text = Schema()
        text.types = [.string]
        body.properties = [Schema.Property(name: "To", schema: text), Schema.Property(name: "Body", schema: text)]
        body.requiredProperties = ["To"]
        let operation = APIOperation(
            name: "Create Message", method: .post, pathTemplate: "/Messages",
            requestBody: RequestBody(
                description: nil, isRequired: true,
                content: [MediaType(contentType: "application/x-www-form-urlencoded", schema: body)]))
        let tool = ToolDescription(operation: operation)
        #expect(tool.parameters.map(\.name) == ["To", "Body"])
        #expect(tool.parameters.map(\.sourceName) == ["To", "Body"])
        #expect(tool.parameters.map(\.isRequired) == [true, false])
    }

    @Test func takesANonObjectBodyAsOneArgument() {
        let operation = APIOperation(
            name: "Upload Text", method: .post, pathTemplate: "/texts",
            requestBody: RequestBody(
                description: "The text", isRequired: true, content: [MediaType(contentType: "text/plain", schema: nil)]))
        let parameter = ToolDescription(operation: operation).parameters.first
        #expect(parameter?.name == "body")
        #expect(parameter?.sourceName == nil)
        #expect(parameter?.location == .body)
        #expect(parameter?.isRequired == true)
    }

    @Test func writesTheParametersAsJSONSchema() async throws {
        let createInvoice = try #require(try await OrdersAPI.tools().first { $0.name == "createInvoice" })
        let schema = createInvoice.parametersSchema
        #expect(schema["type"] == .string("object"))
        #expect(schema["required"] == .array([.string("customer"), .string("amount"), .string("currency")]))
        #expect(
            schema["properties"]?["currency"]
                == .object(["type": .string("string"), "enum": .array([.string("EUR"), .string("USD"), .string("GBP")])]))
        #expect(schema["properties"]?["customer"]?["description"] == .string("The customer's name"))
        #expect(schema["properties"]?["id"] == nil)
    }

    @Test(arguments: [
        ("getOrder", "getOrder"), ("orders.get", "orders_get"), ("Create Invoice", "Create_Invoice"), ("çà", "tool"),
        (String(repeating: "a", count: 80), String(repeating: "a", count: 64)),
    ])
    func makesSafeFunctionNames(raw: String, safe: String) {
        #expect(FunctionName.sanitized(raw) == safe)
    }

    @Test func namesAnOperationWithoutOperationIDFromItsActionName() {
        let operation = APIOperation(name: "List User Orders", method: .get, pathTemplate: "/users/{userId}/orders")
        #expect(FunctionName.make(for: operation) == "listUserOrders")
    }
}

extension ToolDescriptionTests {
    @Test func leavesOutParametersThatCarryAnAPIKey() {
        let text = Schema()
        let operation = APIOperation(
            name: "List Items", method: .get, pathTemplate: "/items",
            parameters: [
                Parameter(name: "x-api-key", location: .header, isRequired: true, schema: text),
                Parameter(name: "key", location: .query, schema: text),
                Parameter(name: "X-Request-ID", location: .header, schema: text),
                Parameter(name: "pageToken", location: .query, schema: text),
            ])
        let schemes = [
            SecurityScheme(name: "header", kind: .apiKey(name: "X-API-Key", location: .header), description: nil),
            SecurityScheme(name: "query", kind: .apiKey(name: "key", location: .query), description: nil),
        ]
        #expect(ToolDescription(operation: operation, securitySchemes: schemes).parameters.map(\.name) == ["pageToken", "X-Request-ID"])
        #expect(ToolDescription(operation: operation).parameters.count == 4)
    }
}
