import Testing
import YAML

@testable import Core

@Suite struct ToolDescriptionArgumentsTests {
    private func createInvoice() async throws -> ToolDescription {
        try #require(try await OrdersAPI.tools().first { $0.name == "createInvoice" })
    }

    @Test func keepsFittingArgumentsInParameterOrderAndDropsUnknownOnes() async throws {
        let arguments: OrderedObject = [
            "currency": .string("eur"), "X-Forwarded-For": .string("10.0.0.1"), "amount": .string("120.5"),
            "customer": .string("ACME"), "email": .null,
        ]
        let checked = try await createInvoice().checkedArguments(arguments)
        #expect(checked == ["customer": .string("ACME"), "amount": .double(120.5), "currency": .string("EUR")])
    }

    static let refusals: [(OrderedObject, ArgumentError)] = [
        (["amount": .int(1), "currency": .string("EUR")], ArgumentError(parameter: "Customer", reason: "is required")),
        (
            ["customer": .string("A"), "amount": .string("much"), "currency": .string("EUR")],
            ArgumentError(parameter: "Amount", reason: "must be a number")
        ),
        (
            ["customer": .string("A"), "amount": .array([]), "currency": .string("EUR")],
            ArgumentError(parameter: "Amount", reason: "must be of type number")
        ),
        (
            ["customer": .string("A"), "amount": .int(1), "currency": .string("XXX")],
            ArgumentError(parameter: "Currency", reason: "must be one of EUR, USD, GBP")
        ),
        (
            ["customer": .string("A"), "amount": .int(1), "currency": .string("EUR"), "email": .string("nope")],
            ArgumentError(parameter: "Email", reason: "must be an email address")
        ),
    ]

    @Test(arguments: refusals)
    func refusesArgumentsThatDoNotFit(arguments: OrderedObject, error: ArgumentError) async throws {
        let tool = try await createInvoice()
        #expect(throws: error) { try tool.checkedArguments(arguments) }
    }
}
