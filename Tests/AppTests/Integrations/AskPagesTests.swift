import AppTesting
import Core
import HTTPCore
import Testing

@Suite struct AskPagesTests {
    static let documentation = """
        # Orders API

        Authenticate with `Authorization: Bearer <token>`.

        ## List orders
        GET /v1/orders

        | Name | Type | Required | Description |
        |------|------|----------|-------------|
        | status | string | no | Filter by status |

        ## Get an order
        curl https://api.orders.test/v1/orders/1234 -H "Authorization: Bearer $TOKEN"
        """

    @Test func draftsCorrectsAndHandsTheSchemaToReview() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        acme.admin.get("/settings/integrations/ask")
        let started = acme.admin.submit("/settings/integrations/ask", [("message", Self.documentation), ("url", "")])
        #expect(started.status == .seeOther)
        let path = try #require(started.headers["Location"]?.split(separator: "#").first.map(String.init))
        let page = acme.admin.get(path)
        #expect(page.text.contains("/v1/orders"))
        #expect(page.text.contains("https://api.orders.test"))
        acme.admin.submit(path, [("message", "call it Acme Orders"), ("url", "")])
        let corrected = acme.admin.get(path)
        #expect(corrected.text.contains("Acme Orders"))
        let use = acme.admin.submit(path + "/use", [("schema", "")])
        let review = acme.admin.follow(use)
        #expect(review.status == .ok)
        #expect(review.text.contains("Review Acme Orders"))
    }

    @Test func anEmptyMessageIsExplainedAndMembersAreRefused() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        acme.admin.get("/settings/integrations/ask")
        let empty = acme.admin.submit("/settings/integrations/ask", [("message", " "), ("url", "")])
        #expect(empty.status == .unprocessableContent)
        #expect(empty.text.contains("Paste documentation, give its URL, or upload a PDF."))
        #expect(acme.member.get("/settings/integrations/ask").status == .forbidden)
    }

    @Test func anotherCompanysConversationIsNotFound() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture, name: "Acme", domain: "acme.test")
        let initech = try TestCompany(fixture, name: "Initech", domain: "initech.test")
        initech.owner.get("/settings/integrations/ask")
        let started = initech.owner.submit("/settings/integrations/ask", [("message", Self.documentation), ("url", "")])
        let path = try #require(started.headers["Location"]?.split(separator: "#").first.map(String.init))
        #expect(acme.owner.get(path).status == .notFound)
        acme.owner.get("/settings/integrations/ask")
        #expect(acme.owner.submit(path, [("message", "remove /v1/orders")]).status == .notFound)
        #expect(acme.owner.submit(path + "/use", [("schema", "")]).status == .notFound)
    }
}
