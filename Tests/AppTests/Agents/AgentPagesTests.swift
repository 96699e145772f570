import AppTesting
import Core
import Foundation
import HTTPCore
import Testing

/// Agents end to end over HTTP against the real orders API: tools, a read that runs at once, a
/// write that waits for one Confirm, a Cancel, and another company kept out.
@Suite(.serialized) struct AgentPagesTests {
    struct Shop {
        let fixture: AppFixture
        let acme: TestCompany
        let peer: PythonPeer
        let agentPath: String
        let conversationPath: String

        init() throws {
            fixture = try AppFixture()
            acme = try TestCompany(fixture)
            peer = try PythonPeer(script: "orders_api.py")
            try Self.addIntegration(acme.owner, url: peer.baseURL + "/openapi.json", name: "Orders", auth: [
                ("auth_method", "bearer"), ("bearer_token", "bearer-token-0123456789abcdef"),
            ])
            try Self.addIntegration(acme.owner, url: peer.baseURL + "/openapi.json", name: "Invoices", auth: [
                ("auth_method", "headers"), ("header_name", "X-API-Key"), ("header_value", "header-key-0123456789abcdef"),
            ])
            let store = IntegrationStore(database: fixture.database, companyID: acme.company.id, vault: fixture.services.vault)
            var chosen: [String] = []
            for summary in try store.list() {
                let wanted = summary.name == "Orders" ? "getOrder" : "createInvoice"
                chosen += try store.actions(of: summary.id).filter { $0.operation.operationID == wanted }.map(\.id)
            }
            let member = acme.member
            member.get("/agents/new")
            let created = member.submit("/agents", [("name", "Shop assistant"), ("description", "Orders and invoices"), ("model", "offline")])
            guard let tools = created.headers["Location"] else { throw IntegrationPagesTests.Failure("agent not created: \(created.text.prefix(300))") }
            agentPath = tools.replacingOccurrences(of: "/tools", with: "")
            member.get(tools)
            member.submit(tools, chosen.map { ("action", $0) } + [("intent", "save")])
            member.get(agentPath)
            guard let conversation = member.submit(agentPath + "/conversations", []).headers["Location"] else {
                throw IntegrationPagesTests.Failure("no conversation")
            }
            conversationPath = conversation
        }

        static func addIntegration(_ client: CookieClient, url: String, name: String, auth: [(String, String)]) throws {
            client.get("/settings/integrations/new")
            let imported = client.submit("/settings/integrations/new", [("schema", ""), ("schema_url", url)])
            guard let review = imported.headers["Location"] else { throw IntegrationPagesTests.Failure("import: \(imported.text.prefix(300))") }
            let page = client.get(review).text
            var fields: [(String, String)] = [("name", name), ("base_url", url.replacingOccurrences(of: "/openapi.json", with: "")), ("scope", "global")]
            var index = 0
            while page.contains("name=\"action_name_\(index)\"") {
                fields.append(("action_enabled_\(index)", "on"))
                index += 1
            }
            let saved = client.submit(review, fields + auth + [("intent", "save")])
            guard saved.status == .seeOther else { throw IntegrationPagesTests.Failure("save \(name): \(saved.text.prefix(600))") }
        }

        func invoiceCount() throws -> Int {
            let response = try fixture.services.httpClient.send(ClientRequest(method: .get, url: peer.baseURL + "/invoices/count"))
            let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            return object?["count"] as? Int ?? -1
        }

        /// The confirm and cancel form actions on the conversation page, newest last.
        func pendingActions(_ html: String, _ verb: String) -> [String] {
            formActions(html, containing: "/pending/").filter { $0.hasSuffix("/" + verb) }
        }

        /// Every form action on a page that contains `fragment`, in page order.
        func formActions(_ html: String, containing fragment: String) -> [String] {
            html.components(separatedBy: "action=\"").dropFirst().compactMap { part in
                let target = String(part.prefix { $0 != "\"" })
                return target.contains(fragment) ? target : nil
            }
        }
    }

    @Test func aReadRunsAtOnceAndAWriteWaitsForOneConfirm() throws {
        let shop = try Shop()
        defer { shop.peer.stop() }
        let member = shop.acme.member
        member.get(shop.conversationPath)
        member.submit(shop.conversationPath + "/messages", [("message", "What's the status of order 2?")])
        let afterRead = member.get(shop.conversationPath)
        #expect(afterRead.text.contains("shipped"), "\(afterRead.text.suffix(3000))")
        #expect(!afterRead.text.contains("bearer-token-0123456789abcdef"))

        member.submit(shop.conversationPath + "/messages", [("message", "Create an invoice for ACME for 120 EUR")])
        // The API needs the order the invoice is for: the agent asks with a small form.
        let asked = member.get(shop.conversationPath).text
        let form = try #require(shop.formActions(asked, containing: "/parameters/").last, "no parameters form: \(asked.suffix(2000))")
        member.submit(form, [("param_order_id", "2")])
        let page = member.get(shop.conversationPath).text
        let confirm = try #require(shop.pendingActions(page, "confirm").last, "no confirmation card: \(page.suffix(2000))")
        #expect(page.contains("[redacted]"))
        #expect(!page.contains("header-key-0123456789abcdef"))
        #expect(try shop.invoiceCount() == 0)
        // Another member cannot confirm it; the owner's click does nothing.
        shop.acme.owner.get("/")
        #expect(shop.acme.owner.submit(confirm, []).status == .notFound)
        member.submit(confirm, [])
        #expect(try shop.invoiceCount() == 1)
        member.get(shop.conversationPath)
        member.submit(confirm, [])
        #expect(try shop.invoiceCount() == 1, "a second Confirm must not run it again")

        member.submit(shop.conversationPath + "/messages", [("message", "Create an invoice for Initech for 80 EUR")])
        if let secondForm = shop.formActions(member.get(shop.conversationPath).text, containing: "/parameters/").last {
            member.submit(secondForm, [("param_order_id", "1")])
        }
        let second = member.get(shop.conversationPath).text
        let cancel = try #require(shop.pendingActions(second, "cancel").last)
        member.submit(cancel, [])
        #expect(try shop.invoiceCount() == 1)
        #expect(member.get(shop.conversationPath).text.contains("cancelled"))
    }

    @Test func anotherCompanyCannotSeeOrToolTheAgent() throws {
        let shop = try Shop()
        defer { shop.peer.stop() }
        let initech = try TestCompany(shop.fixture, name: "Initech", domain: "initech.test")
        for path in [shop.agentPath, shop.agentPath + "/tools", shop.conversationPath] {
            #expect(initech.member.get(path).status == .notFound, "\(path)")
        }
        initech.member.get("/agents")
        #expect(initech.member.submit(shop.agentPath + "/tools", [("action", "x"), ("intent", "save")]).status == .notFound)
        // A colleague in the same company does not see someone else's conversation either.
        #expect(shop.acme.admin.get(shop.conversationPath).status == .notFound)
    }
}
