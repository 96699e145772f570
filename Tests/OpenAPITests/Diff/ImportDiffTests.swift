import Foundation
import OpenAPI
import Testing

/// Identities and diffs between two imports.
@Suite struct ImportDiffTests {
    @Test func identityIgnoresParameterNamesAndTrailingSlashes() {
        let first = OperationIdentity(method: .get, pathTemplate: "/users/{id}/", operationID: nil)
        let second = OperationIdentity(method: .get, pathTemplate: "/users/{userId}", operationID: "getUser")
        #expect(first.key == second.key)
        #expect(first.key == "GET /users/{}")
    }

    @Test func findsAddedRemovedChangedAndUnchanged() {
        let old = [
            APIOperation(name: "List Pets", method: .get, pathTemplate: "/pets"),
            APIOperation(name: "My Pet", method: .get, pathTemplate: "/pets/{id}", operationID: "getPet"),
            APIOperation(name: "Delete Pet", method: .delete, pathTemplate: "/pets/{id}"),
            APIOperation(name: "Adopt", method: .post, pathTemplate: "/pets/{id}/adopt", operationID: "adoptPet"),
        ]
        let new = [
            APIOperation(name: "List Pets", method: .get, pathTemplate: "/pets"),
            APIOperation(name: "Get Pet", method: .get, pathTemplate: "/pets/{petId}", operationID: "getPet", summary: "Find a pet"),
            APIOperation(name: "Adopt Pet", method: .post, pathTemplate: "/adoptions/{id}", operationID: "adoptPet"),
            APIOperation(name: "Create Pet", method: .post, pathTemplate: "/pets"),
        ]
        let diff = ImportDiff(old: old, new: new)
        #expect(diff.unchanged.map(\.new.pathTemplate) == ["/pets"])
        #expect(diff.changed.map(\.old.name) == ["My Pet", "Adopt"])
        #expect(diff.changed.map(\.new.pathTemplate) == ["/pets/{petId}", "/adoptions/{id}"])
        #expect(diff.added.map(\.name) == ["Create Pet"])
        #expect(diff.removed.map(\.name) == ["Delete Pet"])
        #expect(!diff.isEmpty)
        #expect(ImportDiff(old: old, new: old).isEmpty)
    }

    @Test func anOperationRoundTripsThroughItsJSONEncoding() throws {
        var schema = Schema()
        schema.types = [.object]
        schema.properties = [Schema.Property(name: "tags", schema: { var items = Schema(); items.types = [.array]; items.items = Schema(reference: "#/x"); return items }())]
        schema.enumValues = [.string("a"), .int(1), .null]
        schema.forbidsAdditionalProperties = true
        let operation = APIOperation(
            name: "Create Pet", method: .post, pathTemplate: "/pets", operationID: "createPet",
            parameters: [Parameter(name: "ids", location: .query, schema: schema, style: .spaceDelimited, explode: false)],
            requestBody: RequestBody(description: nil, isRequired: true, content: [MediaType(contentType: "application/json", schema: schema)]),
            responses: [Response(statusCode: "201", description: "Created", content: [])],
            security: [SecurityRequirement(items: [.init(schemeName: "oauth", scopes: ["write"])])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(operation)
        #expect(try JSONDecoder().decode(APIOperation.self, from: data) == operation)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"additionalProperties\":false"))
        #expect(text.contains("\"style\":\"spaceDelimited\""))
        #expect(!text.contains("\"nullable\""))
    }
}
