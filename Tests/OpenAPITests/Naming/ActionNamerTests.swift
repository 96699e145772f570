import Foundation
import OpenAPI
import Testing

/// Action names: the issue's examples, a table of real cases, uniqueness and length.
@Suite struct ActionNamerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var method: APIOperation.Method
        var path: String
        var operationID: String?
        var summary: String?
        var expected: String
        var testDescription: String { "\(method.rawValue) \(path) \(operationID ?? "") → \(expected)" }
    }

    static let examples: [Case] = [
        Case(method: .post, path: "/v1/invoices", expected: "Create Invoice"),
        Case(method: .get, path: "/v1/invoices", expected: "List Invoices"),
        Case(method: .get, path: "/v1/invoices/{id}", expected: "Get Invoice"),
        Case(method: .put, path: "/v1/invoices/{id}", expected: "Update Invoice"),
        Case(method: .patch, path: "/v1/invoices/{id}", expected: "Update Invoice"),
        Case(method: .delete, path: "/v1/invoices/{id}", expected: "Delete Invoice"),
        Case(method: .post, path: "/orders/{id}/cancel", expected: "Cancel Order"),
        Case(method: .get, path: "/users/{userId}/orders", expected: "List User Orders"),
        Case(method: .get, path: "/employees/{id}/timeoff", operationID: "listEmployeeTimeOff", expected: "List Employee Time Off"),
        Case(method: .get, path: "/v1/customers/{id}", summary: "Retrieve a customer", expected: "Get Customer"),
        Case(method: .get, path: "/api/v2/categories", expected: "List Categories"),
        Case(method: .get, path: "/statuses/{id}", expected: "Get Status"),
        Case(method: .get, path: "/statuses", expected: "List Statuses"),
        Case(method: .post, path: "/addresses", expected: "Create Address"),
        Case(method: .get, path: "/people/{personId}", expected: "Get Person"),
        Case(method: .get, path: "/people", expected: "List People"),
        Case(method: .get, path: "/data", expected: "Get Data"),
        Case(method: .get, path: "/companies/{id}/data", expected: "Get Company Data"),
        Case(method: .get, path: "/users/{userId}/ids", expected: "List User IDs"),
        Case(method: .post, path: "/sms/send", expected: "Send SMS"),
        Case(method: .get, path: "/webhooks/{id}/url", expected: "Get Webhook URL"),
        Case(method: .post, path: "/customers/search", expected: "Search Customers"),
        Case(method: .post, path: "/chat.postMessage", expected: "Post Chat Message"),
        Case(method: .post, path: "/v1/payment_methods/{id}/attach", expected: "Attach Payment Method"),
        Case(method: .post, path: "/crm/v3/objects/contacts/batch/archive", expected: "Batch Archive Contacts"),
        Case(method: .get, path: "/v1/account", operationID: "GetAccount", expected: "Get Account"),
        Case(method: .get, path: "/v1/customers/{customer}", operationID: "GetCustomersCustomer", expected: "Get Customer"),
        Case(method: .get, path: "/Calls/{Sid}.json", operationID: "FetchCall", expected: "Get Call"),
        Case(method: .get, path: "/Calls.json", operationID: "ListCall", expected: "List Calls"),
        Case(method: .get, path: "/rest/api/3/dashboard", operationID: "getAllDashboards", expected: "List Dashboards"),
        Case(method: .get, path: "/user/{id}", operationID: "getUserByIdUsingGET", expected: "Get User"),
        Case(method: .get, path: "/", expected: "Get Root"),
    ]

    @Test(arguments: examples)
    func namesTheIssuesExamples(_ example: Case) {
        let name = ActionNamer().name(method: example.method, path: example.path, operationID: example.operationID, summary: example.summary)
        #expect(name == example.expected)
    }

    static func table() -> [Case] {
        guard let url = Bundle.module.url(forResource: "Fixtures/naming-table", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 5, let method = APIOperation.Method(rawValue: columns[0]) else { return nil }
            return Case(
                method: method, path: columns[1], operationID: columns[2].isEmpty ? nil : columns[2],
                summary: columns[3].isEmpty ? nil : columns[3], expected: columns[4])
        }
    }

    @Test func tableHasAtLeast150RealCases() {
        #expect(Self.table().count >= 150)
    }

    @Test(arguments: table())
    func namesRealOperationsAsReviewed(_ entry: Case) {
        let name = ActionNamer().name(method: entry.method, path: entry.path, operationID: entry.operationID, summary: entry.summary)
        #expect(name == entry.expected)
    }

    @Test func keepsNamesWithinTheMaximumLength() {
        let long = ActionNamer(maximumLength: 20).name(
            method: .post, path: "/organizations/{id}/extraordinarily_long_resource_names_here", operationID: nil, summary: nil)
        #expect(long.count <= 20 && !long.isEmpty)
    }

    @Test func makesNamesUniqueWithMeaningfulQualifiers() {
        var operations = [
            APIOperation(name: "", method: .put, pathTemplate: "/pets/{id}"),
            APIOperation(name: "", method: .patch, pathTemplate: "/pets/{id}"),
            APIOperation(name: "", method: .get, pathTemplate: "/books/search"),
            APIOperation(name: "", method: .post, pathTemplate: "/books/search"),
            APIOperation(name: "", method: .get, pathTemplate: "/oauth.access"),
            APIOperation(name: "", method: .get, pathTemplate: "/oauth.v2.access"),
            APIOperation(name: "", method: .get, pathTemplate: "/v1/disputes/{dispute}"),
            APIOperation(name: "", method: .get, pathTemplate: "/v1/issuing/disputes/{dispute}"),
        ]
        ActionNamer().assignNames(to: &operations)
        #expect(operations.map(\.name) == [
            "Replace Pet", "Update Pet", "Search Books", "Search Books via POST", "Get OAuth Access", "Get V2 OAuth Access",
            "Get Dispute", "Get Issuing Dispute",
        ])
        #expect(!operations.contains { $0.name.contains("(") })
    }
}
