import OpenAPI
import Testing

@testable import Core

@Suite struct MinorUnitsTests {
    @Test(arguments: [
        ("120", "EUR", "12000"), ("99.5", "USD", "9950"), ("99.50", "GBP", "9950"), ("0.07", "EUR", "7"),
        ("500", "JPY", "500"), ("1.250", "KWD", "1250"), ("12", nil, "1200"),
    ] as [(String, String?, String)])
    func writesAmountsInTheCurrencysMinorUnit(amount: String, currency: String?, expected: String) {
        #expect(MinorUnits.minorUnits(of: amount, currency: currency) == expected)
    }

    @Test func refusesAmountsFinerThanTheCurrency() {
        #expect(MinorUnits.minorUnits(of: "9.999", currency: "EUR") == nil)
        #expect(MinorUnits.minorUnits(of: "500.5", currency: "JPY") == nil)
    }

    /// A payments API in the style of Stripe and our FastAPI peer: amounts in cents.
    static let payments = #"""
        {"openapi": "3.0.3", "info": {"title": "Pay", "version": "1"}, "servers": [{"url": "https://pay.example.com"}],
         "paths": {
           "/invoices": {"post": {"operationId": "createInvoice", "summary": "Create an invoice",
             "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
               "required": ["customer", "amount_cents", "currency"],
               "properties": {"customer": {"type": "string"}, "amount_cents": {"type": "integer"}, "currency": {"type": "string"}}}}}}}},
           "/charges": {"post": {"operationId": "createCharge", "summary": "Create a charge",
             "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
               "required": ["amount", "currency"],
               "properties": {"amount": {"type": "integer", "description": "How much to charge in the smallest currency unit (e.g. 100 cents for $1.00)."},
                              "currency": {"type": "string"}}}}}}}}}}
        """#

    private func call(_ message: String) throws -> ToolCall {
        let document = try #require(OpenAPIImporter().import(data: Array(Self.payments.utf8), sourceURL: nil).document)
        let turn = OfflineModel().respond(to: [.user(message)], tools: document.operations.map { ToolDescription(operation: $0) })
        guard case .toolCalls(let calls) = turn, let call = calls.first else { throw Failure() }
        return call
    }

    struct Failure: Error {}

    @Test func theOfflineModelGivesCentsToAParameterThatTakesCents() throws {
        let invoice = try call("Create an invoice for ACME for 120 EUR")
        #expect(invoice.arguments["amount_cents"] == .int(12000))
        #expect(invoice.arguments["currency"] == .string("EUR"))
        let charge = try call("Create a charge of ¥500")
        #expect(charge.name == "createCharge")
        #expect(charge.arguments["amount"] == .int(500))
        let dollars = try call("Create a charge of $99.50")
        #expect(dollars.arguments["amount"] == .int(9950))
    }
}
