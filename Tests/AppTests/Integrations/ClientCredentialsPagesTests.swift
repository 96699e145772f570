import AppTesting
import Core
import Foundation
import HTTPCore
import Testing

/// The client-credentials choice in the review form and on the integration's page.
@Suite struct ClientCredentialsPagesTests {
    static let hint = "Client credentials: machine-to-machine; Switchboard fetches tokens itself, Global scope only"

    @Test func anAdminSavesAClientCredentialsIntegrationAndItsPageSaysTokensComeByThemselves() throws {
        let fixture = try AppFixture()
        let acme = try TestCompany(fixture)
        let schema =
            #"{"openapi":"3.0.3","info":{"title":"Machine","version":"1"},"servers":[{"url":"https://api.example.test"}],"paths":{"/things":{"get":{"responses":{"200":{"description":"ok"}}}}}}"#
        let review = try IntegrationPagesTests.paste(acme.admin, schema)
        #expect(acme.admin.get(review).text.contains(Self.hint))
        func fields(scope: String) -> [(String, String)] {
            [
                ("name", "Machine"), ("description", ""), ("base_url", "https://api.example.test"), ("scope", scope),
                ("auth_method", "oauth2"), ("oauth_grant", "client_credentials"), ("oauth_authorization_url", ""),
                ("oauth_token_url", "https://auth.example.test/token"), ("oauth_client_id", "machine"),
                ("oauth_client_secret", "machine-secret-0123456789"), ("oauth_scopes", "things.read"), ("oauth_token_auth", "basic_header"),
                ("action_name_0", "List Things"), ("action_enabled_0", "on"), ("intent", "save"),
            ]
        }
        let refused = acme.admin.submit(review, fields(scope: "per_user"))
        #expect(refused.status == .unprocessableContent)
        #expect(refused.text.contains("choose Global scope"))
        #expect(refused.text.contains(#"value="client_credentials" checked"#))

        let saved = acme.admin.submit(review, fields(scope: "global"))
        #expect(saved.status == .seeOther)
        let show = acme.admin.follow(saved)
        #expect(show.text.contains("Tokens are fetched automatically"))
        #expect(show.text.contains(Self.hint))
        #expect(show.text.contains(#"value="client_credentials" checked"#))
        #expect(!show.text.contains("Connect with OAuth"))
        #expect(!show.text.contains("machine-secret-0123456789"))
        let list = acme.admin.get("/settings/integrations")
        #expect(list.text.contains("Machine") && !list.text.contains("needs connection"))
    }
}
