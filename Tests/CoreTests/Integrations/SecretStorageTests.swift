import Core
import Foundation
import Testing

/// Every auth method's secrets go through the vault: the database file never holds them.
@Suite struct SecretStorageTests {
    struct Case: Sendable, CustomStringConvertible {
        let auth: AuthConfiguration
        let secrets: CredentialSecrets
        let plaintexts: [String]
        let hintKeys: [String]
        var description: String { auth.label }
    }

    static let oauth = OAuthClientSettings(
        authorizationURL: "https://id.example.com/authorize", tokenURL: "https://id.example.com/token", clientID: "switchboard-client",
        scopes: ["orders:read"], extraAuthorizationParameters: [NameValue(name: "audience", value: "orders")],
        staticHeaderNames: ["X-Tenant-Secret"], tokenEndpointAuthentication: .requestBody)

    static let cases: [Case] = [
        Case(
            auth: .bearer, secrets: CredentialSecrets(token: "plain-bearer-SECRET-0001"), plaintexts: ["plain-bearer-SECRET-0001"],
            hintKeys: ["token"]),
        Case(
            auth: .basic(preEncoded: false),
            secrets: CredentialSecrets(username: "ledger-user-SECRET", password: "plain-password-SECRET-0002"),
            plaintexts: ["plain-password-SECRET-0002", "ledger-user-SECRET"], hintKeys: ["password", "username"]),
        Case(
            auth: .basic(preEncoded: true), secrets: CredentialSecrets(encodedBasic: "cGxhaW4tZW5jb2RlZC1TRUNSRVQ="),
            plaintexts: ["cGxhaW4tZW5jb2RlZC1TRUNSRVQ="], hintKeys: ["encodedBasic"]),
        Case(
            auth: .customHeaders(["X-API-Key", "X-Tenant"]),
            secrets: CredentialSecrets(headerValues: ["X-API-Key": "plain-header-SECRET-0003", "X-Tenant": "tenant-SECRET-0004"]),
            plaintexts: ["plain-header-SECRET-0003", "tenant-SECRET-0004"], hintKeys: ["header:X-API-Key", "header:X-Tenant"]),
        Case(
            auth: .apiKeyQuery("api_key"), secrets: CredentialSecrets(token: "plain-query-SECRET-0005"),
            plaintexts: ["plain-query-SECRET-0005"],
            hintKeys: ["token"]),
        Case(
            auth: .oauth2(oauth),
            secrets: CredentialSecrets(
                clientSecret: "plain-client-SECRET-0006", staticHeaderValues: ["X-Tenant-Secret": "static-SECRET-0007"]),
            plaintexts: ["plain-client-SECRET-0006", "static-SECRET-0007"], hintKeys: ["clientSecret", "staticHeader:X-Tenant-Secret"]),
    ]

    @Test(arguments: cases)
    func storesEveryMethodSealedAndShowsOnlyHints(_ testCase: Case) throws {
        let fixture = try IntegrationsFixture()
        let created = try fixture.createOrders(auth: testCase.auth, secrets: testCase.secrets)
        let integration = try fixture.store().get(created.id)
        #expect(integration.auth == testCase.auth)
        let summary = try #require(integration.oauthClientCredential ?? integration.companyCredential)
        #expect(summary.hints.keys.sorted() == testCase.hintKeys.sorted())
        for hint in summary.hints.values {
            #expect(hint.hasPrefix("set"))
            for plaintext in testCase.plaintexts { #expect(!hint.contains(plaintext)) }
        }
        let bytes = try fixture.databaseBytes()
        #expect(!bytes.isEmpty)
        for plaintext in testCase.plaintexts {
            #expect(!Self.contains(bytes, Array(plaintext.utf8)), "\(plaintext) is in the database file")
        }
        // The audit log holds no secret either.
        for event in try fixture.audit().events() {
            for plaintext in testCase.plaintexts { #expect(!event.detail.contains(plaintext)) }
        }
    }

    @Test func aMembersOwnConnectionIsSealedAndItsBlankFieldsKeepTheStoredValue() throws {
        let fixture = try IntegrationsFixture()
        let integration = try fixture.createOrders(auth: .basic(preEncoded: false), scope: .perUser, secrets: CredentialSecrets())
        let credentials = fixture.credentials()
        let actor = Actor.user(fixture.member.id)
        #expect(throws: FormErrors.self) {
            try credentials.connect(
                integrationID: integration.id, userID: fixture.member.id, secrets: CredentialSecrets(username: "ann"), by: actor)
        }
        try credentials.connect(
            integrationID: integration.id, userID: fixture.member.id,
            secrets: CredentialSecrets(username: "member-user", password: "member-password-SECRET"), by: actor)
        try credentials.connect(
            integrationID: integration.id, userID: fixture.member.id, secrets: CredentialSecrets(username: "member-user-2", password: ""),
            by: actor)
        let summary = try #require(try credentials.connection(integrationID: integration.id, userID: fixture.member.id))
        #expect(summary.hints["password"] == "set · ends in …CRET")
        #expect(try credentials.connection(integrationID: integration.id, userID: fixture.owner.id) == nil)
        #expect(!Self.contains(try fixture.databaseBytes(), Array("member-password-SECRET".utf8)))
    }

    @Test func savesOAuthTokensWithOptimisticVersions() throws {
        let fixture = try IntegrationsFixture()
        let integration = try fixture.createOrders(
            auth: .oauth2(Self.oauth), scope: .perUser,
            secrets: CredentialSecrets(clientSecret: "cs-123456789012", staticHeaderValues: ["X-Tenant-Secret": "tenant-1"]))
        let credentials = fixture.credentials()
        let actor = Actor.user(fixture.member.id)
        let first = try credentials.saveOAuthTokens(
            integrationID: integration.id, userID: fixture.member.id,
            tokens: OAuthTokens(
                accessToken: "access-SECRET-1", refreshToken: "refresh-SECRET-1", expiresAt: fixture.clock.now(), scopes: "orders:read"),
            by: actor)
        let stored = try #require(try credentials.oauthTokens(integrationID: integration.id, userID: fixture.member.id))
        #expect(stored.tokens.refreshToken == "refresh-SECRET-1")
        #expect(stored.version == first)
        let second = try credentials.saveOAuthTokens(
            integrationID: integration.id, userID: fixture.member.id, tokens: OAuthTokens(accessToken: "access-SECRET-2"),
            expectedVersion: first, by: actor)
        #expect(second == first + 1)
        #expect(
            try credentials.oauthTokens(integrationID: integration.id, userID: fixture.member.id)?.tokens.refreshToken == "refresh-SECRET-1"
        )
        #expect(throws: DomainError.self) {
            try credentials.saveOAuthTokens(
                integrationID: integration.id, userID: fixture.member.id, tokens: OAuthTokens(accessToken: "late"), expectedVersion: first,
                by: actor)
        }
        try credentials.markNeedsReconnection(integrationID: integration.id, userID: fixture.member.id, by: .system)
        #expect(try credentials.oauthTokens(integrationID: integration.id, userID: fixture.member.id)?.needsReconnection == true)
        let bytes = try fixture.databaseBytes()
        for secret in ["access-SECRET-1", "access-SECRET-2", "refresh-SECRET-1"] { #expect(!Self.contains(bytes, Array(secret.utf8))) }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, Array(haystack[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }
}
