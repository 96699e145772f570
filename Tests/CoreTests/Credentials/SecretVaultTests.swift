import Core
import Cryptography
import Testing

@Suite struct SecretVaultTests {
    let vault: SecretVault

    init() throws {
        vault = SecretVault(keyRing: KeyRing(current: try .generate()))
    }

    @Test func sealsAndOpensASecretForItsRow() throws {
        let identity = SecretIdentity.credential(companyID: "acme", id: "cred-1")
        let sealed = try vault.seal("sk_live_abcdef4f2a", for: identity)
        #expect(sealed.keyID == vault.keyRing.current.id.description)
        #expect(!String(decoding: sealed.ciphertext, as: UTF8.self).contains("sk_live"))
        #expect(try vault.openString(sealed.ciphertext, for: identity) == "sk_live_abcdef4f2a")
    }

    @Test(arguments: [
        SecretIdentity.credential(companyID: "acme", id: "cred-2"),
        SecretIdentity.credential(companyID: "globex", id: "cred-1"),
        SecretIdentity.oauthState(companyID: "acme", id: "cred-1"),
    ])
    func refusesToOpenASecretForAnotherRow(other: SecretIdentity) throws {
        let sealed = try vault.seal("token", for: .credential(companyID: "acme", id: "cred-1"))
        #expect(throws: CryptographyError.authenticationFailed) { try vault.open(sealed.ciphertext, for: other) }
    }

    @Test func refusesASecretSealedUnderAKeyItDoesNotHold() throws {
        let otherVault = SecretVault(keyRing: KeyRing(current: try .generate()))
        let identity = SecretIdentity.credential(companyID: "acme", id: "cred-1")
        let sealed = try otherVault.seal("token", for: identity)
        #expect(throws: CryptographyError.unknownKey(otherVault.keyRing.current.id)) { try vault.open(sealed.ciphertext, for: identity) }
    }
}
