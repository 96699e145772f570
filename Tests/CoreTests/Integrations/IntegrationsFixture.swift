import AppTesting
import Core
import Cryptography
import Foundation
import HTTPCore
import OpenAPI
import SQLite

/// A migrated database with two companies (an owner and a member in the first), a vault, a
/// settable clock, and the integration stores wired to them.
struct IntegrationsFixture {
    let accounts: AccountsFixture
    let vault: SecretVault
    let owner: User
    let member: User
    let company: Company
    let otherOwner: User
    let otherCompany: Company

    init() throws {
        accounts = try AccountsFixture()
        vault = SecretVault(keyRing: KeyRing(current: try .generate()))
        (owner, company) = try accounts.company("Acme", owner: "owner@acme.test")
        member = try accounts.join(company, owner: owner, email: "member@acme.test", role: .member)
        (otherOwner, otherCompany) = try accounts.company("Globex", owner: "owner@globex.test")
    }

    var database: Database { accounts.temporary.database }
    var clock: WallClock { accounts.time.clock }

    func store(_ company: Company? = nil) -> IntegrationStore {
        IntegrationStore(database: database, companyID: (company ?? self.company).id, vault: vault, clock: clock)
    }

    func credentials(_ company: Company? = nil) -> CredentialStore {
        CredentialStore(database: database, companyID: (company ?? self.company).id, vault: vault, clock: clock)
    }

    func audit(_ company: Company? = nil) -> AuditLog {
        AuditLog(database: database, companyID: (company ?? self.company).id, clock: clock)
    }

    /// The bytes of the database file and its write-ahead log, to search for plaintext.
    func databaseBytes() throws -> [UInt8] {
        let path = accounts.temporary.folder + "/switchboard.sqlite"
        var bytes: [UInt8] = []
        for file in [path, path + "-wal"] {
            if let data = FileManager.default.contents(atPath: file) { bytes += data }
        }
        return bytes
    }

    /// A draft of a schema given as text.
    static func draft(_ text: String, sourceURL: String? = nil) throws -> IntegrationDraft {
        try IntegrationDraft(OpenAPIImporter().import(data: Array(text.utf8), sourceURL: sourceURL), schemaText: text, sourceURL: sourceURL)
    }

    /// A small schema: three operations, bearer security, a server URL.
    static let ordersSchema = """
        openapi: 3.0.3
        info: {title: Orders, version: "1", description: The shop's orders.}
        servers: [{url: "https://orders.example.com/v1"}]
        components:
          securitySchemes:
            token: {type: http, scheme: bearer}
        security: [{token: []}]
        paths:
          /orders:
            get: {operationId: listOrders, summary: List orders, responses: {"200": {description: ok}}}
            post: {operationId: createOrder, summary: Create an order, responses: {"201": {description: created}}}
          /orders/{id}:
            get:
              operationId: getOrder
              summary: Get an order
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses: {"200": {description: ok}}
        """

    /// Creates the orders integration with `auth`, `scope` and `secrets`.
    func createOrders(
        name: String = "Orders", auth: AuthConfiguration = .bearer, scope: IntegrationScope = .global,
        secrets: CredentialSecrets = CredentialSecrets(token: "orders-token-4f2a9c1d77e0"), in company: Company? = nil
    ) throws -> Integration {
        let draft = try Self.draft(Self.ordersSchema)
        var choices = draft.defaultChoices
        choices.name = name
        choices.auth = auth
        choices.scope = scope
        let actor = Actor.user(company == nil || company == self.company ? owner.id : otherOwner.id)
        return try store(company).create(draft, choices: choices, secrets: secrets, by: actor)
    }
}
