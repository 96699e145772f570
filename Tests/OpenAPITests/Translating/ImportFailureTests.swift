import OpenAPI
import Testing

/// Unusable input fails with a typed error; recoverable problems become diagnostics.
@Suite struct ImportFailureTests {
    @Test func rejectsMalformedJSONWithItsPosition() async {
        let result = TestSupport.importText("{\n  \"openapi\": \"3.0.0\",\n  \"info\": [1, 2,]\n}", sourceURL: "api.json")
        #expect(result.document == nil)
        guard case .unreadable(_, let line, let column)? = result.failure else {
            Issue.record("expected unreadable, got \(String(describing: result.failure))")
            return
        }
        #expect(line == 3 && column == 17)
    }

    @Test func rejectsMalformedYAMLWithItsPosition() async {
        let result = TestSupport.importText("openapi: 3.0.0\ninfo:\n  title: [unclosed\n")
        guard case .unreadable(_, let line, _)? = result.failure else {
            Issue.record("expected unreadable, got \(String(describing: result.failure))")
            return
        }
        #expect(line == 4)
    }

    @Test(arguments: [
        ("", ImportError.empty),
        ("   \n", ImportError.empty),
        ("[1, 2]", ImportError.notOpenAPI("the top level is not an object")),
        ("title: hello", ImportError.notOpenAPI("it has neither an \"openapi\" nor a \"swagger\" field")),
        ("openapi: 4.0.0", ImportError.unsupportedVersion("4.0.0")),
        ("swagger: 1.2", ImportError.unsupportedVersion("1.2")),
    ])
    func rejectsWhatIsNotAnOpenAPIDocument(_ text: String, _ expected: ImportError) async {
        let result = TestSupport.importText(text)
        #expect(result.failure == expected)
        #expect(result.document == nil)
    }

    @Test func acceptsAnUnquotedSwaggerVersion() async throws {
        let (document, _) = try TestSupport.document("swagger: 2.0\ninfo: {title: T, version: 1}\nhost: x.example\npaths: {/a: {get: {}}}")
        #expect(document.specVersion.text == "2.0")
        #expect(document.version == "")
    }

    @Test func usesTheFirstOfSeveralYAMLDocumentsAndWarns() async throws {
        let (document, diagnostics) = try TestSupport.document(
            "openapi: 3.0.0\ninfo: {title: First, version: '1'}\nservers: [{url: 'https://x.example'}]\npaths: {}\n---\nopenapi: 3.0.0\n")
        #expect(document.title == "First")
        #expect(diagnostics.contains { $0.message.contains("only the first") })
    }

    @Test func skipsBrokenPartsAndGoesOn() async throws {
        let (document, diagnostics) = try TestSupport.document(
            """
            openapi: 3.0.0
            info: {title: T, version: "1"}
            servers: [{url: "https://x.example"}]
            paths:
              /a:
                get:
                  parameters:
                    - {in: query}
                    - {name: where, in: body}
                    - {name: id, in: path, schema: {type: strange}}
                post: "not an object"
              /b: {get: {}}
            """)
        #expect(document.operations.map(\.pathTemplate) == ["/a", "/b"])
        #expect(document.operations.first?.parameters.map(\.name) == ["id"])
        #expect(document.operations.first?.parameters.first?.isRequired == true)
        #expect(diagnostics.count >= 5)
    }
}

/// Hostile shapes stay bounded: the deepest nesting the readers accept imports without trapping.
@Suite struct HostileInputTests {
    @Test func importsTheDeepestAcceptedSchemaNesting() async throws {
        // Each schema level is two JSON levels ("properties" and the schema), so this reaches the reader's limit.
        let levels = 254
        let schema = String(repeating: #"{"type": "object", "properties": {"a": "#, count: levels) + #"{"type": "string"}"#
            + String(repeating: "}}", count: levels)
        let text = #"{"openapi": "3.0.0", "info": {"title": "T", "version": "1"}, "servers": [{"url": "https://x.example"}], "#
            + #""paths": {"/a": {"post": {"requestBody": {"content": {"application/json": {"schema": "# + schema + "}}}}}}}"
        let result = TestSupport.importText(text)
        if let failure = result.failure {
            guard case .unreadable(let message, _, _) = failure else {
                Issue.record("unexpected failure \(failure)")
                return
            }
            #expect(message.contains("nesting"))
        } else {
            #expect(result.document?.operations.first?.requestBody != nil)
        }
    }

    @Test func boundsSchemasThatReferenceEachOtherWidely() async throws {
        // Ten schemas each pointing at every other twice: inlining stops at the node budget.
        var schemas: [String] = []
        for index in 0..<10 {
            let properties = (0..<10).map {
                ##""p\##($0)": {"$ref": "#/components/schemas/S\##($0)"}, "q\##($0)": {"$ref": "#/components/schemas/S\##($0)"}"##
            }
            schemas.append(##""S\##(index)": {"type": "object", "properties": {\##(properties.joined(separator: ", "))}}"##)
        }
        let text = ##"{"openapi": "3.0.0", "info": {"title": "T", "version": "1"}, "servers": [{"url": "https://x.example"}], "##
            + ##""paths": {"/a": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}}}}}, "##
            + ##""components": {"schemas": {\##(schemas.joined(separator: ", "))}}}"##
        let (document, _) = try TestSupport.document(text)
        let body = try #require(document.operations.first?.requestBody?.content.first?.schema)
        // Expanded (non-reference) nodes are bounded by the inliner's budget; what is left stays a reference.
        func expanded(_ schema: Schema) -> Int {
            schema.reference != nil ? 0 : 1 + schema.properties.reduce(0) { $0 + expanded($1.schema) }
        }
        #expect(expanded(body) <= SchemaInliner(schemas: [:]).maximumNodes)
        #expect(body.properties.count == 20)
    }
}
