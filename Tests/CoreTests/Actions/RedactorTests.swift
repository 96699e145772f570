import Testing
@testable import Core

@Suite struct RedactorTests {
    @Test func redactsTheCredentialInsideASchemedHeaderValue() {
        let redactor = Redactor(secrets: ["Bearer abcdef123456"])
        #expect(redactor.redact("token=abcdef123456 and Bearer abcdef123456") == "token=[redacted] and [redacted]")
    }

    @Test func leavesShortOrSchemelessPartsAlone() {
        #expect(Redactor.credentialPart(of: "Bearer short") == [])
        #expect(Redactor.credentialPart(of: "plain-secret-value") == [])
        #expect(Redactor.credentialPart(of: "Token a1b2c3d4e5") == ["a1b2c3d4e5"])
    }
}
