import Foundation
import OpenAPI
import Testing

/// Documents copied into Fixtures/ (OAI examples, Apache-2.0), which the suite always has.
@Suite struct FixtureTests {
    private func importFixture(_ name: String) throws -> ImportResult {
        let folder = try TestSupport.fixtures
        let loader = FileSystemSchemaLoader(allowedDirectory: folder.path)
        let path = folder.appendingPathComponent(name).path
        return OpenAPIImporter().import(data: try loader.load(path), sourceURL: path, loader: loader)
    }

    @Test func importsThePetstore() async throws {
        let document = try #require(try importFixture("petstore.yaml").document)
        #expect(document.title == "Swagger Petstore")
        #expect(document.specVersion == SpecVersion(family: .openAPI30, text: "3.0.0"))
        #expect(document.baseURL == "http://petstore.swagger.io/v1")
        #expect(document.operations.map(\.name) == ["List Pets", "Create Pet", "Get Pet"])
        #expect(document.operations.map(\.access) == [.read, .write, .read])
        let limit = try #require(document.operations.first?.parameters.first)
        #expect(limit.name == "limit" && limit.location == .query && limit.style == .form && limit.explode)
        #expect(limit.schema?.types == [.integer] && limit.schema?.format == "int32")
    }

    @Test func mergesAllOfInTheRequestBodyOfPetstoreExpanded() async throws {
        let document = try #require(try importFixture("petstore-expanded.yaml").document)
        let create = try #require(document.operations.first { $0.method == .post })
        let body = try #require(create.requestBody?.content.first?.schema)
        #expect(body.reference == nil)
        #expect(body.properties.map(\.name) == ["name", "tag"])
        // The response keeps its reference into the schema table; Pet there is an allOf.
        let response = try #require(document.operations.first { $0.method == .get && $0.pathTemplate == "/pets/{id}" })
        let key = try #require(response.responses.first?.content.first?.schema?.reference)
        #expect(key == "#/components/schemas/Pet")
        #expect(document.schemas[key]?.allOf.count == 2)
        // Inlined on demand, the allOf merges into one object with both members' properties.
        let inlined = SchemaInliner(schemas: document.schemas).inline(Schema(reference: key))
        #expect(inlined.properties.map(\.name) == ["name", "tag", "id"])
        #expect(inlined.requiredProperties == ["name", "id"])
    }

    @Test func followsRelativeReferencesAcrossFilesOfASwaggerSchema() async throws {
        let result = try importFixture("petstore-separate-yaml/spec/swagger.yaml")
        let document = try #require(result.document)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(document.operations.count == 4)
        let create = try #require(document.operations.first { $0.method == .post })
        let body = try #require(create.requestBody?.content.first?.schema)
        #expect(body.properties.map(\.name).contains("name"))
        // `../common/Error.yaml` from spec/ is the common folder's file.
        #expect(document.schemas.keys.contains { $0.hasSuffix("petstore-separate-yaml/common/Error.yaml#") })
        let list = try #require(document.operations.first { $0.method == .get && $0.pathTemplate == "/pets" })
        #expect(list.parameters.map(\.name) == ["tags", "limit"])
    }

    @Test func refusesReferencesOutsideTheAllowedFolder() async throws {
        let folder = try TestSupport.fixtures.appendingPathComponent("petstore-separate-yaml/spec")
        let loader = FileSystemSchemaLoader(allowedDirectory: folder.path)
        let path = folder.appendingPathComponent("swagger.yaml").path
        let result = OpenAPIImporter().import(data: try loader.load(path), sourceURL: path, loader: loader)
        #expect(result.document?.operations.count == 4)
        #expect(result.diagnostics.contains { $0.message.contains("is outside") })
    }

    @Test func readsHTTPBearerOfOpenAPI31() async throws {
        let document = try #require(try importFixture("non-oauth-scopes.json").document)
        #expect(document.securitySchemes.map(\.kind) == [.http(scheme: "bearer", bearerFormat: "jwt")])
        #expect(document.operations.first?.security?.first?.items.first?.scopes == ["read:users", "public"])
    }

    @Test func notesWebhooksAndWarnsAboutNoOperations() async throws {
        let result = try importFixture("webhook-example.json")
        #expect(result.document?.operations.isEmpty == true)
        #expect(result.diagnostics.contains { $0.severity == .note && $0.pointer == "/webhooks" })
        #expect(result.diagnostics.contains { $0.message.contains("no operations") })
    }
}
