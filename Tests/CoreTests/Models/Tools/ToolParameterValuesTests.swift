import Testing
import YAML

@testable import Core

@Suite struct ToolParameterValuesTests {
    @Test(arguments: [
        (ToolParameter.ValueType.integer, nil as String?, "42", OrderedValue.int(42)),
        (.integer, nil, "#42", .int(42)),
        (.number, nil, "120", .int(120)),
        (.number, nil, "1,200.5", .double(1200.5)),
        (.boolean, nil, "yes", .bool(true)),
        (.boolean, nil, "False", .bool(false)),
        (.string, "email", "a@b.co", .string("a@b.co")),
        (.string, "date", "2026-03-05", .string("2026-03-05")),
        (.array, nil, "a, b,c", .array([.string("a"), .string("b"), .string("c")])),
        (.object, nil, #"{"k": 1}"#, .object(["k": .int(1)])),
    ])
    func acceptsValuesOfItsType(type: ToolParameter.ValueType, format: String?, text: String, value: OrderedValue) throws {
        let parameter = ToolParameter(name: "field", location: .query, type: type, format: format)
        #expect(try parameter.value(fromText: text) == value)
    }

    @Test(arguments: [
        (ToolParameter.ValueType.integer, nil as String?, "4.2", "must be a whole number"),
        (.number, nil, "ten", "must be a number"),
        (.boolean, nil, "maybe", "must be yes or no"),
        (.string, "email", "not-an-email", "must be an email address"),
        (.string, "date", "2026-02-30", "must be a date (2026-03-05)"),
        (.string, "date-time", "soon", "must be a date and time (2026-03-05T09:00:00Z)"),
        (.object, nil, "[1]", "must be a JSON object"),
    ])
    func refusesValuesThatDoNotFit(type: ToolParameter.ValueType, format: String?, text: String, reason: String) {
        let parameter = ToolParameter(name: "field", location: .query, type: type, format: format)
        #expect(throws: ArgumentError(parameter: "Field", reason: reason)) { try parameter.value(fromText: text) }
    }

    @Test func matchesEnumValuesWithoutRegardToCase() throws {
        let parameter = ToolParameter(name: "currency", location: .body, allowedValues: ["EUR", "USD"])
        #expect(try parameter.value(fromText: "eur") == .string("EUR"))
        #expect(throws: ArgumentError(parameter: "Currency", reason: "must be one of EUR, USD")) {
            try parameter.value(fromText: "JPY")
        }
    }

    @Test(arguments: [("orderId", "Order ID"), ("due_date", "Due date"), ("customerURL", "Customer URL"), ("x", "X")])
    func labelsNamesInWords(name: String, label: String) {
        #expect(ToolParameter.label(for: name) == label)
    }
}
