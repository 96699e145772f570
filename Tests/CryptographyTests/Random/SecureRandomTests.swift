import Cryptography
import Testing

@Suite struct SecureRandomTests {
    @Test func givesTheRequestedNumberOfDistinctBytes() throws {
        let first = try SecureRandom.bytes(count: 32)
        let second = try SecureRandom.bytes(count: 32)
        #expect(first.count == 32)
        #expect(first != second)
        #expect(try SecureRandom.bytes(count: 0).isEmpty)
    }

    @Test func makesURLSafeTokensOf256Bits() throws {
        let token = try SecureRandom.token()
        #expect(token.count == 43)
        #expect(try Base64URL.decode(token).count == 32)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(try SecureRandom.token() != token)
    }
}
