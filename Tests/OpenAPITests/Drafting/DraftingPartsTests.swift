import OpenAPI
import Testing
import YAML

@testable import OpenAPI

@Suite struct DraftingPartsTests {
    @Test(arguments: [
        ("/orders/:id", "/orders/{id}"),
        ("/orders/<order_id>/items/", "/orders/{order_id}/items"),
        ("/orders/%7Bid%7D?expand=items", "/orders/{id}"),
        ("/customers/cus_9fQ2", "/customers/{customer_id}"),
        ("/categories/42", "/categories/{category_id}"),
        ("/v1/items/$ITEM_ID", "/v1/items/{item_id}"),
    ])
    func normalisesPathPlaceholders(raw: String, expected: String) {
        #expect(PathTemplate.normalized(raw) == expected)
    }

    @Test func splitsShellWordsWithQuotesAndContinuations() {
        let words = ShellWords.split("curl -H \"A: \\\"b\\\"\" \\\n  -d '{\"x\": 1}' https://e.test/a")
        #expect(words == ["curl", "-H", "A: \"b\"", "-d", "{\"x\": 1}", "https://e.test/a"])
    }

    @Test func readsCurlOptions() throws {
        let curl = try #require(CurlCommand(words: ShellWords.split("curl -sS -XPUT --url=https://e.test/a -H 'X-Trace: 1' --json '{}'")))
        #expect(curl.method == "PUT")
        #expect(curl.url == "https://e.test/a")
        #expect(curl.header("content-type") == "application/json")
        #expect(CurlCommand(words: ["curl", "-d", "a=1", "https://e.test/a"])?.method == "POST")
        #expect(CurlCommand(words: ["curl", "-s"]) == nil)
    }

    @Test func infersSchemasFromJSONExamples() throws {
        let value = try JSONReader().read(Array(#"{"id": 1, "tags": [{"a": "x"}, {"b": null}], "at": "2024-01-01"}"#.utf8))
        let schema = JSONSchemaInference.schema(of: value)
        #expect(schema["type"] == .string("object"))
        #expect(schema["properties"]?["id"]?["type"] == .string("integer"))
        #expect(schema["properties"]?["tags"]?["items"]?["properties"]?.objectValue?.keys == ["a", "b"])
        #expect(schema["properties"]?["at"]?["format"] == .string("date"))
    }

    @Test func writesPrettyJSONThatReadsBackInOrder() throws {
        let value = OrderedValue.object(
            OrderedObject([
                "z": .string("quote \" and \\ and \u{01}"), "a": .array([.int(1), .double(2.5), .null, .bool(true)]),
                "e": .object(OrderedObject()),
            ]))
        let text = value.prettyJSONText
        #expect(try JSONReader().read(Array(text.utf8)) == value)
        #expect(text.hasPrefix("{\n  \"z\": "))
    }

    @Test(arguments: [
        ("the base URL is https://api.example.test/v1.", DraftCorrection.baseURL("https://api.example.test/v1")),
        ("Call it \"Acme Orders\"", .title("Acme Orders")),
        ("please remove DELETE /orders/:id", .remove(method: "DELETE", path: "/orders/{id}")),
        ("delete /internal/health", .remove(method: nil, path: "/internal/health")),
        (
            "DELETE /orders/{id} also takes a `force` boolean",
            .addParameters(
                method: "DELETE", path: "/orders/{id}", names: ["force"], location: "query", isRequired: false, type: "boolean")
        ),
        (
            "`GET /orders` also takes `limit` and `cursor` (integer)",
            .addParameters(
                method: "GET", path: "/orders", names: ["limit", "cursor"], location: "query", isRequired: false, type: "integer")
        ),
    ])
    func understandsCorrections(text: String, expected: DraftCorrection) {
        #expect(DraftCorrection(text) == expected)
    }
}
