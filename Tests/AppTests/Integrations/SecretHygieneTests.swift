import AppTesting
import Foundation
import HTTPCore
import Synchronization
import Testing

/// After saving every auth method, no secret appears in the database file, its WAL, the log, or
/// any page the admin can open.
@Suite struct SecretHygieneTests {
    final class LogLines: Sendable {
        let lines = Mutex<[String]>([])
        var logger: Logger { Logger(minimumLevel: .debug) { line in self.lines.withLock { $0.append(line) } } }
        var text: String { lines.withLock { $0.joined() } }
    }

    static let methods: [(name: String, fields: [(String, String)], secrets: [String])] = [
        ("Bearer", [("auth_method", "bearer"), ("bearer_token", "secret-bearer-AAAA1111")], ["secret-bearer-AAAA1111"]),
        ("Basic", [("auth_method", "basic"), ("basic_mode", "credentials"), ("basic_username", "user-BBBB2222"),
                   ("basic_password", "secret-password-BBBB2222")], ["secret-password-BBBB2222"]),
        ("Headers", [("auth_method", "headers"), ("header_name", "X-API-Key"), ("header_value", "secret-header-CCCC3333")],
         ["secret-header-CCCC3333"]),
        ("Query", [("auth_method", "query"), ("query_name", "api_key"), ("query_value", "secret-query-DDDD4444")], ["secret-query-DDDD4444"]),
        ("OAuth", [("auth_method", "oauth2"), ("oauth_authorization_url", "https://id.example.test/authorize"),
                   ("oauth_token_url", "https://id.example.test/token"), ("oauth_client_id", "client-1"),
                   ("oauth_client_secret", "secret-client-EEEE5555"), ("static_name", "X-Tenant"), ("static_value", "secret-static-FFFF6666")],
         ["secret-client-EEEE5555", "secret-static-FFFF6666"]),
    ]

    @Test func noSecretIsStoredInClearLoggedOrShown() throws {
        let log = LogLines()
        let fixture = try AppFixture(logger: log.logger)
        let acme = try TestCompany(fixture)
        var pages = ""
        for method in Self.methods {
            let review = try IntegrationPagesTests.paste(acme.owner, try IntegrationPagesTests.schema("oai__petstore.yaml"))
            let saved = acme.owner.submit(review, [("name", method.name), ("base_url", "https://petstore.example.test/v1"), ("scope", "global"),
                                                   ("intent", "save")] + method.fields)
            #expect(saved.status == .seeOther, "\(method.name): \(saved.text.prefix(400))")
            let path = saved.headers["Location"] ?? ""
            for page in [path, path + "/test", "/settings/integrations", "/settings/audit"] { pages += acme.owner.get(page).text }
        }
        let secrets = Self.methods.flatMap(\.secrets)
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: fixture.temporary.folder + "/switchboard.sqlite" + suffix))) ?? Data()
            for secret in secrets { #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) in switchboard.sqlite\(suffix)") }
        }
        for secret in secrets {
            #expect(!log.text.contains(secret), "\(secret) in the log")
            #expect(!pages.contains(secret), "\(secret) in a page")
        }
        #expect(log.text.contains("msg=request"), "the log was collected")
    }
}
