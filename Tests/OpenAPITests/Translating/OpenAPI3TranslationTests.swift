import OpenAPI
import Testing
import YAML

/// OpenAPI 3.0 and 3.1 documents translated to the model.
@Suite struct OpenAPI3TranslationTests {
    @Test func mergesPathLevelParametersAndLetsTheOperationOverride() async throws {
        let (document, _) = try TestSupport.document(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            servers: [{url: "https://api.example.com/v1/"}]
            paths:
              /users/{userId}/orders:
                parameters:
                  - {name: userId, in: path, required: true, schema: {type: string}}
                  - {name: limit, in: query, schema: {type: integer}}
                get:
                  parameters:
                    - {name: limit, in: query, required: true, schema: {type: integer, maximum: 50}}
                    - {name: X-Trace, in: header, schema: {type: string}}
                    - {name: session, in: cookie, schema: {type: string}}
                    - {name: ids, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: string}}}
            """)
        #expect(document.baseURL == "https://api.example.com/v1")
        let operation = try #require(document.operations.first)
        #expect(operation.name == "List User Orders")
        #expect(operation.parameters.map(\.name) == ["userId", "limit", "X-Trace", "session", "ids"])
        #expect(operation.parameters[1].isRequired && operation.parameters[1].schema?.maximum == 50)
        #expect(operation.parameters[0].style == .simple && !operation.parameters[0].explode)
        #expect(operation.parameters[2].location == .header && operation.parameters[3].location == .cookie)
        #expect(operation.parameters[4].style == .pipeDelimited && !operation.parameters[4].explode)
        #expect(operation.parameters[4].schema?.items?.types == [.string])
    }

    @Test func substitutesServerVariableDefaults() async throws {
        let (document, _) = try TestSupport.document(
            """
            {"openapi": "3.0.0", "info": {"title": "T", "version": "1"},
             "servers": [{"url": "https://{region}.example.com:{port}/{base}",
                          "variables": {"region": {"default": "eu"}, "port": {"default": "8443"}, "base": {"default": "v2"}}}],
             "paths": {"/a": {"get": {}}}}
            """)
        #expect(document.baseURL == "https://eu.example.com:8443/v2")
    }

    @Test func readsOpenAPI31FileContentAsBinaryOrBase64() throws {
        let (document, _) = try TestSupport.document(
            """
            {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "servers": [{"url": "https://api.example.com"}],
             "paths": {"/upload": {"post": {"requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {
               "file": {"type": "string", "contentMediaType": "application/octet-stream"},
               "image": {"type": "string", "contentMediaType": "image/png", "contentEncoding": "base64"},
               "day": {"type": "string", "format": "date", "contentMediaType": "text/plain"}}}}}}}}}}
            """)
        let properties = try #require(document.operations.first?.requestBody?.content.first?.schema?.properties)
        #expect(properties.map(\.schema.format) == ["binary", "byte", "date"])
    }

    @Test func listsEveryUsableServerForTheAdminToChooseFrom() throws {
        let (document, _) = try TestSupport.document(
            """
            {"openapi": "3.0.0", "info": {"title": "T", "version": "1"},
             "servers": [{"url": "https://api.example.com/v1/"}, {"url": "https://sandbox.example.com/v1", "description": "Sandbox"},
                         {"url": "https://{region}.example.com/v1", "variables": {"region": {"default": "eu", "enum": ["eu", "us"]}}},
                         {"url": "https://{tenant}.example.com"}, {"url": "https://api.example.com/v1"}],
             "paths": {"/a": {"get": {}}}}
            """)
        #expect(document.baseURL == "https://api.example.com/v1")
        // A variable without a default cannot be filled in; the repeated first server counts once;
        // a variable's other enum values are choices too.
        #expect(document.serverURLs == [
            "https://api.example.com/v1", "https://sandbox.example.com/v1", "https://eu.example.com/v1", "https://us.example.com/v1",
        ])
    }

    @Test func theServerChoicesAlwaysStartWithTheBaseURL() throws {
        // No usable server: the schema's own origin is the base URL, and the only choice.
        let text = #"{"openapi": "3.0.0", "info": {"title": "T", "version": "1"}, "servers": [{"description": "no url"}], "paths": {"/a": {"get": {}}}}"#
        let (document, _) = try TestSupport.document(text, sourceURL: "https://docs.example.com/openapi.json")
        #expect(document.baseURL == "https://docs.example.com")
        #expect(document.serverURLs == ["https://docs.example.com"])
        let (offline, _) = try TestSupport.document(text, sourceURL: "/tmp/openapi.json")
        #expect(offline.baseURL == nil)
        #expect(offline.serverURLs.isEmpty)
    }

    @Test func resolvesARelativeServerURLAgainstTheSchemasURL() async throws {
        let text = #"{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "servers": [{"url": "/api/v3"}], "paths": {"/a": {"get": {}}}}"#
        let (fromURL, _) = try TestSupport.document(text, sourceURL: "https://petstore3.example.com/docs/openapi.json")
        #expect(fromURL.baseURL == "https://petstore3.example.com/api/v3")
        let (fromFile, diagnostics) = try TestSupport.document(text, sourceURL: "/tmp/openapi.json")
        #expect(fromFile.baseURL == nil)
        #expect(diagnostics.contains { $0.pointer == "/servers/0" && $0.message.contains("relative") })
    }

    @Test func warnsWhenThereIsNoBaseURL() async throws {
        let (document, diagnostics) = try TestSupport.document(
            #"{"openapi": "3.0.0", "info": {"title": "T", "version": "1"}, "paths": {"/a": {"get": {}}}}"#)
        #expect(document.baseURL == nil)
        #expect(diagnostics.contains { $0.pointer == "/servers" && $0.message.contains("base URL") })
    }

    @Test func readsEverySecuritySchemeKind() async throws {
        let (document, _) = try TestSupport.document(
            """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            servers: [{url: "https://api.example.com"}]
            security: [{bearer: []}]
            paths:
              /a:
                get:
                  security: [{oauth: [read, write]}, {}]
            components:
              securitySchemes:
                bearer: {type: http, scheme: Bearer, bearerFormat: JWT}
                basic: {type: http, scheme: basic}
                key: {type: apiKey, in: query, name: api_key}
                header: {type: apiKey, in: header, name: X-API-Key}
                oauth:
                  type: oauth2
                  flows:
                    authorizationCode:
                      authorizationUrl: https://auth.example.com/authorize
                      tokenUrl: https://auth.example.com/token
                      scopes: {read: Read things, write: Write things}
                    clientCredentials:
                      tokenUrl: https://auth.example.com/token
                      scopes: {admin: Everything}
                oidc: {type: openIdConnect, openIdConnectUrl: "https://auth.example.com/.well-known/openid-configuration"}
                mtls: {type: mutualTLS}
            """)
        let kinds = Dictionary(uniqueKeysWithValues: document.securitySchemes.map { ($0.name, $0.kind) })
        #expect(kinds["bearer"] == .http(scheme: "bearer", bearerFormat: "JWT"))
        #expect(kinds["basic"] == .http(scheme: "basic", bearerFormat: nil))
        #expect(kinds["key"] == .apiKey(name: "api_key", location: .query))
        #expect(kinds["header"] == .apiKey(name: "X-API-Key", location: .header))
        #expect(kinds["oidc"] == .openIDConnect(url: "https://auth.example.com/.well-known/openid-configuration"))
        #expect(kinds["mtls"] == .mutualTLS)
        guard case .oauth2(let flows)? = kinds["oauth"] else {
            Issue.record("oauth2 scheme missing")
            return
        }
        #expect(flows.authorizationCode?.authorizationURL == "https://auth.example.com/authorize")
        #expect(flows.authorizationCode?.scopes.map(\.name) == ["read", "write"])
        #expect(flows.clientCredentials?.tokenURL == "https://auth.example.com/token")
        #expect(document.security == [SecurityRequirement(items: [.init(schemeName: "bearer", scopes: [])])])
        let operation = try #require(document.operations.first)
        #expect(operation.security?.count == 2)
        #expect(operation.security?.last?.items.isEmpty == true)
        #expect(document.effectiveSecurity(of: operation) == operation.security)
    }

    @Test func respectsXOpenAIIsConsequential() async throws {
        let (document, _) = try TestSupport.document(
            """
            openapi: 3.0.0
            info: {title: T, version: "1"}
            servers: [{url: "https://api.example.com"}]
            paths:
              /reports:
                get: {x-openai-isConsequential: true}
                post: {x-openai-isConsequential: false}
                put: {}
                head: {}
            """)
        #expect(document.operations.map(\.access) == [.write, .read, .write, .read])
    }

    @Test func readsRequestBodiesPerContentTypeAndResponses() async throws {
        let (document, _) = try TestSupport.document(
            """
            openapi: 3.0.0
            info: {title: T, version: "1"}
            servers: [{url: "https://api.example.com"}]
            paths:
              /files:
                post:
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {file: {type: string, format: binary}}}
                      application/json:
                        schema: {$ref: "#/components/schemas/Upload"}
                  responses:
                    "201": {description: Created, content: {application/json: {schema: {$ref: "#/components/schemas/Upload"}}}}
                    default: {$ref: "#/components/responses/Error"}
            components:
              schemas:
                Upload: {type: object, required: [url], properties: {url: {type: string, format: uri}}}
              responses:
                Error: {description: Something went wrong}
            """)
        let operation = try #require(document.operations.first)
        let body = try #require(operation.requestBody)
        #expect(body.isRequired)
        #expect(body.content.map(\.contentType) == ["multipart/form-data", "application/json"])
        #expect(body.content[1].schema?.properties.first?.schema.format == "uri")
        #expect(body.content[1].schema?.requiredProperties == ["url"])
        #expect(operation.responses.map(\.statusCode) == ["201", "default"])
        #expect(operation.responses[1].description == "Something went wrong")
        #expect(operation.responses[0].content.first?.schema?.reference == "#/components/schemas/Upload")
    }

    @Test func readsOpenAPI31TypeArraysAsNullable() async throws {
        let (document, _) = try TestSupport.document(
            """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            servers: [{url: "https://api.example.com"}]
            paths:
              /things:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            name: {type: [string, "null"]}
                            count: {type: [integer, number]}
                            kind: {const: fixed}
                            legacy: {type: string, nullable: true}
            """)
        let properties = try #require(document.operations.first?.requestBody?.content.first?.schema?.properties)
        #expect(properties[0].schema.types == [.string] && properties[0].schema.isNullable)
        #expect(properties[1].schema.types == [.integer, .number] && !properties[1].schema.isNullable)
        #expect(properties[2].schema.constValue == .string("fixed"))
        #expect(properties[3].schema.isNullable)
    }

    @Test func warnsAboutDuplicateOperationIDsAndStillNamesUniquely() async throws {
        let (document, diagnostics) = try TestSupport.document(
            """
            openapi: 3.0.0
            info: {title: T, version: "1"}
            servers: [{url: "https://api.example.com"}]
            paths:
              /v1/checkout/sessions: {post: {operationId: createSession}}
              /v1/billing_portal/sessions: {post: {operationId: createSession}}
            """)
        #expect(diagnostics.contains { $0.message.contains("\"createSession\" is used by more than one") })
        #expect(document.operations.map(\.name) == ["Create Checkout Session", "Create Billing Portal Session"])
    }

    @Test func followsPathItemReferences() async throws {
        let (document, _) = try TestSupport.document(
            """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            servers: [{url: "https://api.example.com"}]
            paths:
              /pets: {$ref: "#/components/pathItems/Pets"}
            components:
              pathItems:
                Pets: {get: {operationId: listPets}, post: {operationId: createPet}}
            """)
        #expect(document.operations.map(\.name) == ["List Pets", "Create Pet"])
    }
}
