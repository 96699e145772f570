import OpenAPI
import Synchronization
import Testing

/// `$ref` resolution: pointers, cycles, other files and what cannot be resolved.
@Suite struct ReferenceTests {
    @Test func unescapesPointerTokensAndPercentEncoding() async throws {
        let (document, diagnostics) = try TestSupport.document(
            """
            {"openapi": "3.0.0", "info": {"title": "T", "version": "1"}, "servers": [{"url": "https://x.example"}],
             "paths": {"/a": {"post": {"requestBody": {"content": {"application/json": {"schema":
                {"$ref": "#/components/schemas/a~1b~0c%20d"}}}}}}},
             "components": {"schemas": {"a/b~c d": {"type": "object", "properties": {"ok": {"type": "boolean"}}}}}}
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(document.operations.first?.requestBody?.content.first?.schema?.properties.first?.name == "ok")
    }

    @Test func keepsCyclesAsReferencesWithoutLooping() async throws {
        let (document, _) = try TestSupport.document(
            """
            openapi: 3.0.0
            info: {title: T, version: "1"}
            servers: [{url: "https://x.example"}]
            paths:
              /nodes:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: "#/components/schemas/Node"}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    name: {type: string}
                    children: {type: array, items: {$ref: "#/components/schemas/Node"}}
                    owner: {$ref: "#/components/schemas/Person"}
                Person:
                  type: object
                  properties:
                    favourite: {$ref: "#/components/schemas/Node"}
            """)
        let node = try #require(document.operations.first?.requestBody?.content.first?.schema)
        #expect(node.properties.map(\.name) == ["name", "children", "owner"])
        #expect(node.properties[1].schema.items?.reference == "#/components/schemas/Node")
        #expect(node.properties[2].schema.properties.first?.schema.reference == "#/components/schemas/Node")
        #expect(document.schemas["#/components/schemas/Node"] != nil)
    }

    @Test func reportsAnUnresolvableReferenceWithItsPointer() async throws {
        let (document, diagnostics) = try TestSupport.document(
            """
            openapi: 3.0.0
            info: {title: T, version: "1"}
            servers: [{url: "https://x.example"}]
            paths:
              /a:
                get:
                  parameters: [{$ref: "#/components/parameters/Missing"}]
                  responses:
                    "200": {description: OK, content: {application/json: {schema: {$ref: "#/components/schemas/Gone"}}}}
            """)
        #expect(document.operations.first?.parameters.isEmpty == true)
        #expect(diagnostics.contains { $0.pointer == "/paths/~1a/get/parameters/0" && $0.message.contains("Missing") })
        #expect(diagnostics.contains {
            $0.pointer == "/paths/~1a/get/responses/200/content/application~1json/schema" && $0.message.contains("Gone")
        })
        // An unresolvable schema is read as "any value" rather than a dangling reference.
        #expect(document.operations.first?.responses.first?.content.first?.schema == Schema())
    }

    @Test func reportsAReferenceChainThatLoops() async throws {
        let (_, diagnostics) = try TestSupport.document(
            """
            openapi: 3.0.0
            info: {title: T, version: "1"}
            servers: [{url: "https://x.example"}]
            paths: {/a: {get: {parameters: [{$ref: "#/components/parameters/A"}]}}}
            components:
              parameters:
                A: {$ref: "#/components/parameters/B"}
                B: {$ref: "#/components/parameters/A"}
            """)
        #expect(diagnostics.contains { $0.message.contains("loop") })
    }

    @Test func reportsReferencesToOtherFilesWhenThereIsNoLoader() async throws {
        let result = TestSupport.importText(
            """
            openapi: 3.0.0
            info: {title: T, version: "1"}
            servers: [{url: "https://x.example"}]
            paths: {/a: {get: {parameters: [{$ref: "common.yaml#/Limit"}]}}}
            """, sourceURL: "/schemas/api.yaml")
        #expect(result.document?.operations.count == 1)
        #expect(result.diagnostics.contains { $0.message.contains("no loader") && $0.pointer == "/paths/~1a/get/parameters/0" })
    }

    @Test func asksTheLoaderForResolvedAbsoluteLocations() async throws {
        let loader = RecordingLoader(files: [
            "https://specs.example.com/v1/common/limit.yaml": "{name: limit, in: query, schema: {type: integer}}"
        ])
        let result = TestSupport.importText(
            """
            openapi: 3.0.0
            info: {title: T, version: "1"}
            servers: [{url: "https://x.example"}]
            paths: {/a: {get: {parameters: [{$ref: "../common/limit.yaml"}]}}}
            """, sourceURL: "https://specs.example.com/v1/api/openapi.yaml", loader: loader)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.document?.operations.first?.parameters.first?.name == "limit")
        #expect(loader.requested == ["https://specs.example.com/v1/common/limit.yaml"])
    }
}

/// A loader serving documents from memory and remembering what it was asked for.
final class RecordingLoader: SchemaLoader {
    let files: [String: String]
    private let requests = Mutex<[String]>([])

    init(files: [String: String]) {
        self.files = files
    }

    /// The locations asked for, in order.
    var requested: [String] { requests.withLock { $0 } }

    func load(_ location: String) throws(SchemaLoadError) -> [UInt8] {
        requests.withLock { $0.append(location) }
        guard let text = files[location] else { throw SchemaLoadError("no such file \(location)") }
        return Array(text.utf8)
    }
}
