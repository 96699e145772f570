import OpenAPI
import Testing

@Suite struct OfflineSchemaDrafterTests {
    @Test func draftsARestReferenceWithParameterTables() throws {
        let (draft, document) = try DraftingTestSupport.draftAndImport(DocumentationSamples.restReference)
        #expect(document.baseURL == "https://api.acme.test/v1")
        #expect(
            draft.report.endpoints.map(\.description) == [
                "GET /orders", "GET /orders/{order_id}", "POST /orders", "DELETE /orders/{order_id}",
            ])
        let list = try #require(document.operation(.get, "/orders"))
        #expect(list.summary == "List orders")
        #expect(list.parameter("customer_id", in: .query)?.isRequired == true)
        #expect(list.parameter("limit", in: .query)?.schema?.types == [.integer])
        #expect(list.parameter("status", in: .query)?.isRequired == false)
        let listResponse = try #require(list.responses.first?.content.first?.schema)
        #expect(listResponse.properties.map(\.name) == ["data", "has_more"])
        let retrieve = try #require(document.operation(.get, "/orders/{order_id}"))
        #expect(retrieve.parameter("order_id", in: .path)?.isRequired == true)
        #expect(retrieve.parameter("expand", in: .query)?.schema?.types == [.array])
        let create = try #require(document.operation(.post, "/orders"))
        let body = try #require(create.bodySchema("application/json"))
        #expect(body.requiredProperties == ["customer_id", "items"])
        #expect(body.properties.map(\.name) == ["customer_id", "items", "note"])
        #expect(document.securitySchemes.map(\.kind) == [.http(scheme: "bearer", bearerFormat: nil)])
        #expect(draft.report.notUnderstood.contains { $0.contains("status.acme.test") })
    }

    @Test func draftsACurlOnlyQuickStart() throws {
        let (draft, document) = try DraftingTestSupport.draftAndImport(DocumentationSamples.curlQuickStart)
        #expect(document.baseURL == "https://api.paynow.test/v2")
        #expect(
            draft.report.endpoints.map(\.description) == [
                "POST /customers", "GET /customers/{customer_id}", "GET /charges", "POST /charges/{charge_id}/refunds",
            ])
        let create = try #require(document.operation(.post, "/customers"))
        #expect(create.summary == "Create a customer")
        #expect(create.bodySchema("application/x-www-form-urlencoded")?.properties.map(\.name) == ["email", "name"])
        let charges = try #require(document.operation(.get, "/charges"))
        #expect(charges.parameters.map(\.name) == ["customer", "limit"])
        #expect(charges.parameter("limit", in: .query)?.schema?.types == [.integer])
        let refund = try #require(document.operation(.post, "/charges/{charge_id}/refunds"))
        #expect(refund.parameter("charge_id", in: .path)?.isRequired == true)
        #expect(refund.parameter("Idempotency-Key", in: .header) != nil)
        let body = try #require(refund.bodySchema("application/json"))
        #expect(body.properties.map(\.name) == ["amount", "reason", "metadata"])
        #expect(body.properties.first?.schema.types == [.integer])
        #expect(body.properties.last?.schema.properties.map(\.name) == ["order"])
        #expect(document.securitySchemes.map(\.kind) == [.http(scheme: "basic", bearerFormat: nil)])
    }

    @Test func draftsAMarkdownPage() throws {
        let (draft, document) = try DraftingTestSupport.draftAndImport(DocumentationSamples.markdownPage)
        #expect(document.baseURL == "https://notes.example.test/api")
        #expect(
            draft.report.endpoints.map(\.description) == [
                "GET /notes", "POST /notes", "PATCH /notes/{id}", "DELETE /notes/{id}", "GET /internal/health",
            ])
        let list = try #require(document.operation(.get, "/notes"))
        #expect(list.summary == "Returns all notes")
        #expect(list.parameter("tag", in: .query)?.isRequired == false)
        #expect(list.parameter("page", in: .query)?.schema?.types == [.integer])
        let create = try #require(document.operation(.post, "/notes"))
        let request = try #require(create.bodySchema("application/json"))
        #expect(request.properties.map(\.name) == ["title", "body", "tags", "pinned"])
        let response = try #require(create.responses.first?.content.first?.schema)
        #expect(response.properties.map(\.name) == ["id", "title", "created", "owner"])
        #expect(response.properties.first { $0.name == "created" }?.schema.format == "date-time")
        #expect(response.properties.last?.schema.properties.map(\.name) == ["id", "email"])
        #expect(document.operation(.patch, "/notes/{id}")?.parameter("id", in: .path) != nil)
        #expect(document.securitySchemes.map(\.kind) == [.apiKey(name: "X-API-Key", location: .header)])
    }

    @Test func derivesTheBaseURLFromTheCommonPrefixOfFullURLs() throws {
        let text = """
            GET https://shop.example.test/api/v2/products
            POST https://shop.example.test/api/v2/products
            GET https://shop.example.test/api/v2/products/{sku}/stock
            """
        let (draft, document) = try DraftingTestSupport.draftAndImport(text)
        #expect(document.baseURL == "https://shop.example.test/api/v2")
        #expect(draft.report.endpoints.map(\.path) == ["/products", "/products", "/products/{sku}/stock"])
    }

    @Test func mergesACurlExampleIntoTheTemplateItCalls() throws {
        let text = """
            ## List issues

            get /repos/{owner}/{repo}/issues

            curl "https://api.github.test/repos/octo/hello/issues?state=open&per_page=10" -H "X-GitHub-Api-Version: 2022-11-28"
            """
        let (draft, document) = try DraftingTestSupport.draftAndImport(text)
        #expect(draft.report.endpoints.map(\.description) == ["GET /repos/{owner}/{repo}/issues"])
        let issues = try #require(document.operation(.get, "/repos/{owner}/{repo}/issues"))
        #expect(issues.summary == "List issues")
        #expect(issues.parameters.map(\.name) == ["owner", "repo", "state", "per_page", "X-GitHub-Api-Version"])
    }

    @Test func readsATableOfEndpoints() throws {
        let text = """
            Base URL: https://api.crm.test

            | Method | Endpoint | Description |
            | --- | --- | --- |
            | GET | `/contacts` | List contacts |
            | POST | `/contacts` | Create a contact |
            | DELETE | `/contacts/:id` | Delete a contact |
            """
        let (draft, document) = try DraftingTestSupport.draftAndImport(text)
        #expect(draft.report.endpoints.map(\.description) == ["GET /contacts", "POST /contacts", "DELETE /contacts/{id}"])
        #expect(document.operation(.post, "/contacts")?.summary == "Create a contact")
    }

    @Test func readsATableOfResponseFieldsIntoTheResponse() throws {
        let text = """
            GET https://api.fleet.test/vehicles/{vin}

            | Parameter | Type | Description |
            | --- | --- | --- |
            | units | string | `metric` or `imperial` |

            Response fields

            | Field | Type | Description |
            | --- | --- | --- |
            | vin | string | Vehicle identification number |
            | mileage | integer | Odometer reading |
            """
        let (_, document) = try DraftingTestSupport.draftAndImport(text)
        let vehicle = try #require(document.operation(.get, "/vehicles/{vin}"))
        #expect(vehicle.parameters.map(\.name) == ["vin", "units"])
        let response = try #require(vehicle.responses.first?.content.first?.schema)
        #expect(response.properties.map(\.name) == ["vin", "mileage"])
        #expect(response.properties.last?.schema.types == [.integer])
    }

    @Test func readsRequestsDocumentedAsAMethodAndTitleAboveTheURL() throws {
        let text = """
            ## GET List orders

            https://api.shop.test/v1/orders?status=open

            POST Create order
            https://api.shop.test/v1/orders

            GET requests are cached for a minute.
            https://status.shop.test/cache
            """
        let (draft, document) = try DraftingTestSupport.draftAndImport(text)
        #expect(draft.report.endpoints.map(\.description) == ["GET /orders", "POST /orders"])
        #expect(document.operation(.get, "/orders")?.summary == "List orders")
        #expect(document.operation(.get, "/orders")?.parameter("status", in: .query) != nil)
        #expect(draft.report.notUnderstood == ["https://status.shop.test/cache"])
    }

    @Test func readsAnHTTPRequestExample() throws {
        let text = """
            ```http
            PUT /v2/users/42/avatar HTTP/1.1
            Host: api.pics.test
            Authorization: Bearer eyJhbGciOi
            Content-Type: application/json

            {"url": "https://img.test/a.png", "crop": {"x": 0, "y": 0}}
            ```
            """
        let (_, document) = try DraftingTestSupport.draftAndImport(text)
        #expect(document.baseURL == "https://api.pics.test")
        let update = try #require(document.operation(.put, "/v2/users/{user_id}/avatar"))
        #expect(update.requestBody?.content.first?.schema?.properties.map(\.name) == ["url", "crop"])
        #expect(document.securitySchemes.map(\.kind) == [.http(scheme: "bearer", bearerFormat: nil)])
    }

    @Test func readsOAuthURLsAsAnAuthorizationCodeScheme() throws {
        let text = """
            GET https://api.calendar.test/v1/events

            Authorize users at https://auth.calendar.test/oauth/authorize and exchange the code at
            https://auth.calendar.test/oauth/token (OAuth 2.0).
            """
        let (_, document) = try DraftingTestSupport.draftAndImport(text)
        guard case .oauth2(let flows)? = document.securitySchemes.first?.kind else {
            Issue.record("no OAuth scheme: \(document.securitySchemes)")
            return
        }
        #expect(flows.authorizationCode?.authorizationURL == "https://auth.calendar.test/oauth/authorize")
        #expect(flows.authorizationCode?.tokenURL == "https://auth.calendar.test/oauth/token")
    }

    @Test func readsPlainColumnTablesAndUnfencedJSON() throws {
        let text = """
            GET /v3/forecast
            Name        Type      Required   Description
            lat         number    yes        Latitude in degrees
            lon         number    yes        Longitude in degrees
            days        integer   no         How many days ahead,
                                             at most 14

            Example response
            {
              "days": [ { "date": "2024-06-01", "high": 21.5 } ]
            }
            """
        let (_, document) = try DraftingTestSupport.draftAndImport(text, allowedWarningPointers: ["/servers"])
        let forecast = try #require(document.operation(.get, "/v3/forecast"))
        #expect(forecast.parameters.map(\.name) == ["lat", "lon", "days"])
        #expect(forecast.parameter("lat", in: .query)?.isRequired == true)
        #expect(forecast.parameter("days", in: .query)?.description == "How many days ahead, at most 14")
        #expect(forecast.responses.first?.content.first?.schema?.properties.map(\.name) == ["days"])
    }

    @Test func reportsWhatLookedLikeAPIMaterialButWasNotUsed() throws {
        let text = """
            | name | type |
            | --- | --- |
            | orphan | string |

            ```json
            { "broken": true, }
            ```
            """
        let draft = try OfflineSchemaDrafter().draft([.documentation(DocumentationPiece(source: "test", text: text))])
        #expect(draft.report.endpoints.isEmpty)
        #expect(draft.report.notUnderstood.contains { $0.contains("orphan") })
        #expect(draft.report.notUnderstood.contains { $0.contains("not valid JSON") })
    }

    @Test func draftsAnImportableDocumentFromTextWithNoEndpoints() throws {
        let (draft, document) = try DraftingTestSupport.draftAndImport(
            [
                .documentation(DocumentationPiece(source: "test", text: "Our company was founded in 1999."))
            ], allowedWarningPointers: ["/servers", "/paths"])
        #expect(draft.report.endpoints.isEmpty)
        #expect(document.operations.isEmpty)
    }

    @Test func keepsTheSameDraftForTheSameConversation() throws {
        let messages: [DraftMessage] = [.documentation(DocumentationPiece(source: "a", text: DocumentationSamples.restReference))]
        let first = try OfflineSchemaDrafter().draft(messages)
        let second = try OfflineSchemaDrafter().draft(messages)
        #expect(first == second)
    }
}
