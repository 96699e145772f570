import AppTesting
import Core
import Foundation
import HTTPCore
import Testing

/// The admin's setup flow over HTTP: paste or fetch a schema, review, choose auth, save, edit.
@Suite struct IntegrationPagesTests {
    static let corpus = ProjectPaths.shared + "/corpus/openapi"

    static func schema(_ name: String) throws -> String {
        let local = ProjectPaths.root + "/Tests/OpenAPITests/Fixtures/" + name
        let path = FileManager.default.fileExists(atPath: local) ? local : corpus + "/" + name
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Pastes a schema and returns the review page's path.
    static func paste(_ client: CookieClient, _ text: String) throws -> String {
        client.get("/settings/integrations/new")
        let response = client.submit("/settings/integrations/new", [("schema", text), ("schema_url", "")])
        guard response.status == .seeOther, let location = response.headers["Location"] else {
            throw Failure("import failed: \(response.status) \(response.text.prefix(400))")
        }
        return location
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test func anAdminPastesReviewsAndSavesWithCustomHeaders() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let review = try Self.paste(acme.admin, try Self.schema("oai__petstore.yaml"))
        let page = acme.admin.get(review)
        #expect(page.status == .ok)
        #expect(page.text.contains("List Pets"))
        #expect(page.text.contains(#"value="http://petstore.swagger.io/v1""#))
        // Add a header row without JavaScript, then save with a secret value.
        let withRow = acme.admin.submit(review, [("name", "Pet Store"), ("base_url", "http://petstore.swagger.io/v1"), ("scope", "global"),
                                                 ("auth_method", "headers"), ("intent", "add:header")])
        #expect(withRow.text.contains(#"name="header_name""#))
        let secret = "sk-live-0123456789abcdef"
        let saved = acme.admin.submit(review, [
            ("name", "Pet Store"), ("description", ""), ("base_url", "http://petstore.swagger.io/v1"), ("scope", "global"),
            ("auth_method", "headers"), ("header_name", "X-API-Key"), ("header_value", secret),
            ("action_name_0", "Browse Pets"), ("action_enabled_0", "on"), ("action_name_1", "Create Pet"),
            ("action_name_2", "Get Pet"), ("action_enabled_2", "on"), ("intent", "save"),
        ])
        #expect(saved.status == .seeOther)
        let show = acme.admin.follow(saved)
        #expect(show.text.contains("Pet Store is added with 2 of 3 actions enabled."))
        #expect(show.text.contains("Browse Pets"))
        #expect(show.text.contains("set · ends in …cdef"))
        #expect(!show.text.contains(secret))
        let list = acme.admin.get("/settings/integrations")
        #expect(list.text.contains("Pet Store") && list.text.contains("Custom headers") && list.text.contains("2 of 3"))
        // No plaintext secret in the database file or its WAL.
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: fixture.temporary.folder + "/switchboard.sqlite" + suffix))) ?? Data()
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "secret found in switchboard.sqlite\(suffix)")
        }
    }

    @Test func aBrokenSchemaComesBackWithItsPositionAndTheTextKept() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        acme.admin.get("/settings/integrations/new")
        let broken = "{\n  \"openapi\": \"3.0.0\",\n  \"info\": { \"title\": \"X\" \n}"
        let response = acme.admin.submit("/settings/integrations/new", [("schema", broken), ("schema_url", "")])
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains("line"))
        #expect(response.text.contains("&quot;openapi&quot;: &quot;3.0.0&quot;"))
    }

    @Test func aSchemaWithoutServersNeedsABaseURLAndKeepsEverythingTyped() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let schema = #"{"openapi":"3.0.3","info":{"title":"No Server","version":"1"},"paths":{"/things":{"get":{"responses":{"200":{"description":"ok"}}}}}}"#
        let review = try Self.paste(acme.owner, schema)
        let response = acme.owner.submit(review, [
            ("name", "No Server"), ("base_url", ""), ("scope", "global"), ("auth_method", "bearer"), ("bearer_token", "secret-token-value"),
            ("action_name_0", "List Things"), ("action_enabled_0", "on"), ("intent", "save"),
        ])
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains("List Things"))
        #expect(!response.text.contains("secret-token-value"))
        #expect(response.text.contains("field-error"))
    }

    @Test func theReviewOffersTheSchemasOtherServers() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let schema = #"{"openapi":"3.0.3","info":{"title":"Two Servers","version":"1"},"servers":[{"url":"https://api.example.com/v1"},{"url":"https://sandbox.example.com/v1"}],"paths":{"/things":{"get":{"responses":{"200":{"description":"ok"}}}}}}"#
        let review = acme.owner.get(try Self.paste(acme.owner, schema))
        #expect(review.text.contains(#"value="https://api.example.com/v1" list="base-url-servers""#))
        #expect(review.text.contains(#"<option value="https://sandbox.example.com/v1"></option>"#))
        #expect(review.text.contains("Other servers in the schema: <code>https://sandbox.example.com/v1</code>"))
        #expect(review.text.contains("<h3>1 action</h3>"))
        // One server: nothing to choose from.
        let single = acme.owner.get(try Self.paste(acme.owner, try Self.schema("oai__petstore.yaml")))
        #expect(!single.text.contains("base-url-servers"))
        #expect(!single.text.contains("Other servers"))
    }

    @Test func importsFromAURLServedLocallyIncludingAMultiFileSchema() throws {
        let folder = ProjectPaths.shared + "/corpus/openapi/oai__v20-petstore-separate-yaml"
        try #require(FileManager.default.fileExists(atPath: folder), "the shared corpus is not here")
        let server = try PythonPeer.staticFiles(folder: folder)
        defer { server.stop() }
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        acme.admin.get("/settings/integrations/new")
        let response = acme.admin.submit("/settings/integrations/new", [("schema", ""), ("schema_url", server.baseURL + "/spec/swagger.yaml")])
        #expect(response.status == .seeOther, "\(response.text.prefix(500))")
        let review = acme.admin.follow(response)
        #expect(review.text.contains("Find Pets") || review.text.contains("List Pets"))
    }

    @Test func egressPolicyRefusesPrivateURLsWithAClearMessage() throws {
        let fixture = try AppFixture { $0.egressPolicy = .init() }
        let acme = try TestCompany(fixture)
        acme.admin.get("/settings/integrations/new")
        let response = acme.admin.submit("/settings/integrations/new", [("schema", ""), ("schema_url", "http://10.1.2.3/openapi.json")])
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains("egress-allow"))
    }

    @Test func membersAreRefusedAndOtherCompaniesIntegrationsAreNotFound() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture, name: "Acme", domain: "acme.test")
        let initech = try TestCompany(fixture, name: "Initech", domain: "initech.test")
        let review = try Self.paste(initech.owner, try Self.schema("oai__petstore.yaml"))
        let saved = initech.owner.submit(review, [("name", "Initech Pets"), ("base_url", "http://petstore.swagger.io/v1"), ("scope", "global"),
                                                  ("auth_method", "none"), ("intent", "save")])
        let path = try #require(saved.headers["Location"])
        let draftPath = try Self.paste(initech.owner, try Self.schema("oai__petstore.yaml"))
        for route in ["/settings/integrations", "/settings/integrations/new", path, path + "/test", path + "/delete", path + "/reimport"] {
            #expect(acme.member.get(route).status == .forbidden, "member GET \(route)")
        }
        for route in [path, path + "/test", path + "/delete", path + "/reimport", draftPath] {
            #expect(acme.owner.get(route).status == .notFound, "other company GET \(route)")
        }
        acme.owner.get("/settings/integrations")
        for route in [path, path + "/actions", path + "/delete", path + "/test", draftPath] {
            #expect(acme.owner.submit(route, [("intent", "save"), ("name", "Hijacked")]).status == .notFound, "other company POST \(route)")
        }
        #expect(initech.owner.get(path).text.contains("Initech Pets"))
    }

    @Test func renamesOverridesAndDeletes() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let review = try Self.paste(acme.owner, try Self.schema("oai__petstore.yaml"))
        let saved = acme.owner.submit(review, [("name", "Pets"), ("base_url", "http://petstore.swagger.io/v1"), ("scope", "global"),
                                               ("auth_method", "none"), ("action_enabled_0", "on"), ("intent", "save")])
        let path = try #require(saved.headers["Location"])
        let store = IntegrationStore(database: fixture.database, companyID: acme.company.id, vault: fixture.services.vault)
        let integration = try #require(try store.list().first)
        let actions = try store.actions(of: integration.id)
        acme.owner.get(path)
        var fields: [(String, String)] = []
        for action in actions {
            fields.append(("action_name_\(action.id)", action.name == "Create Pet" ? "Search Pets" : action.name))
            fields.append(("action_enabled_\(action.id)", "on"))
            fields.append(("action_override_\(action.id)", action.name == "Create Pet" ? "read" : "schema"))
        }
        #expect(acme.owner.submit(path + "/actions", fields).status == .seeOther)
        let renamed = try #require(try store.actions(of: integration.id).first { $0.name == "Search Pets" })
        #expect(!renamed.isWrite)
        acme.owner.get(path + "/delete")
        #expect(acme.owner.submit(path + "/delete", []).headers["Location"] == "/settings/integrations")
        #expect(try store.list().isEmpty)
    }
}
