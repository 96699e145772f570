import OpenAPI
import Testing

/// Swagger 2.0 documents translated to the OpenAPI 3 shaped model.
@Suite struct Swagger2TranslationTests {
    static let document = """
        swagger: "2.0"
        info: {title: Shop, version: "2"}
        host: shop.example.com
        basePath: /api/v2
        schemes: [http, https]
        consumes: [application/json]
        securityDefinitions:
          basic: {type: basic}
          key: {type: apiKey, in: header, name: X-Key}
          code:
            type: oauth2
            flow: accessCode
            authorizationUrl: https://shop.example.com/oauth/authorize
            tokenUrl: https://shop.example.com/oauth/token
            scopes: {orders: Read and write orders}
          machine: {type: oauth2, flow: application, tokenUrl: https://shop.example.com/oauth/token, scopes: {}}
        paths:
          /orders:
            get:
              parameters:
                - {name: status, in: query, type: array, items: {type: string}, collectionFormat: multi}
                - {name: fields, in: query, type: array, items: {type: string}}
                - {name: tags, in: query, type: array, items: {type: string}, collectionFormat: pipes}
              responses:
                "200": {description: OK, schema: {type: array, items: {$ref: "#/definitions/Order"}}}
            post:
              parameters:
                - {name: body, in: body, required: true, schema: {$ref: "#/definitions/Order"}}
          /orders/{id}/receipt:
            post:
              consumes: [multipart/form-data]
              parameters:
                - {name: id, in: path, required: true, type: integer}
                - {name: file, in: formData, type: file, required: true}
                - {name: note, in: formData, type: string, x-nullable: true}
        definitions:
          Order:
            type: object
            required: [id]
            properties:
              id: {type: integer, format: int64}
              items: {type: array, items: {$ref: "#/definitions/Order"}}
        """

    @Test func buildsTheBaseURLFromSchemesHostAndBasePath() async throws {
        let (document, _) = try TestSupport.document(Self.document)
        #expect(document.baseURL == "https://shop.example.com/api/v2")
        #expect(document.specVersion.family == .swagger2)
    }

    @Test func mapsCollectionFormatsToStyleAndExplode() async throws {
        let (document, _) = try TestSupport.document(Self.document)
        let parameters = try #require(document.operations.first?.parameters)
        #expect(parameters.map(\.style) == [.form, .form, .pipeDelimited])
        #expect(parameters.map(\.explode) == [true, false, false])
        #expect(parameters[0].schema?.types == [.array] && parameters[0].schema?.items?.types == [.string])
    }

    @Test func turnsBodyAndFormDataParametersIntoRequestBodies() async throws {
        let (document, _) = try TestSupport.document(Self.document)
        let create = try #require(document.operations.first { $0.method == .post && $0.pathTemplate == "/orders" })
        #expect(create.requestBody?.isRequired == true)
        #expect(create.requestBody?.content.map(\.contentType) == ["application/json"])
        let order = try #require(create.requestBody?.content.first?.schema)
        #expect(order.properties.map(\.name) == ["id", "items"])
        // The self-reference stays a reference: the cycle is kept, not unrolled.
        #expect(order.properties[1].schema.items?.reference == "#/definitions/Order")
        let receipt = try #require(document.operations.first { $0.pathTemplate == "/orders/{id}/receipt" })
        #expect(receipt.parameters.map(\.name) == ["id"])
        let form = try #require(receipt.requestBody?.content.first)
        #expect(form.contentType == "multipart/form-data")
        #expect(form.schema?.properties.first?.schema.format == "binary")
        #expect(form.schema?.properties.last?.schema.isNullable == true)
        #expect(form.schema?.requiredProperties == ["file"])
    }

    @Test func translatesSecurityDefinitions() async throws {
        let (document, _) = try TestSupport.document(Self.document)
        let kinds = document.securitySchemes.map(\.kind)
        #expect(kinds[0] == .http(scheme: "basic", bearerFormat: nil))
        #expect(kinds[1] == .apiKey(name: "X-Key", location: .header))
        guard case .oauth2(let code) = kinds[2], case .oauth2(let machine) = kinds[3] else {
            Issue.record("expected OAuth schemes")
            return
        }
        #expect(code.authorizationCode?.tokenURL == "https://shop.example.com/oauth/token")
        #expect(code.authorizationCode?.scopes == [SecurityScheme.Scope(name: "orders", description: "Read and write orders")])
        #expect(machine.clientCredentials?.tokenURL == "https://shop.example.com/oauth/token")
    }

    @Test func namesTheActions() async throws {
        let (document, _) = try TestSupport.document(Self.document)
        #expect(document.operations.map(\.name) == ["List Orders", "Create Order", "Create Order Receipt"])
    }
}
