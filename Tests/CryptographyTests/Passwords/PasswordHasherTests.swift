import Cryptography
import Testing

@Suite struct PasswordHasherTests {
    /// Cheap parameters so the suite stays quick; the defaults get one test of their own.
    static let cheap = PasswordHasher(configuration: .init(memoryKiB: 1_024, iterations: 1, parallelism: 1))

    /// RFC 9106 §5.3: argon2id with secret and associated data (needs argon2_ctx, not the encoded API).
    @Test func matchesTheRFC9106Argon2idVector() throws {
        let tag = try PasswordHasher.rawArgon2id(
            password: [UInt8](repeating: 0x01, count: 32), salt: [UInt8](repeating: 0x02, count: 16),
            secret: [UInt8](repeating: 0x03, count: 8), associatedData: [UInt8](repeating: 0x04, count: 12),
            memoryKiB: 32, iterations: 3, parallelism: 4, tagByteCount: 32)
        #expect(Hex.encode(tag) == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659")
    }

    /// The reference implementation's argon2id vector (phc-winner-argon2 src/test.c:
    /// t=2, m=2^16, p=1, "password", "somesalt").
    @Test func matchesTheReferenceImplementationVector() throws {
        let tag = try PasswordHasher.rawArgon2id(
            password: Array("password".utf8), salt: Array("somesalt".utf8), memoryKiB: 65_536, iterations: 2, parallelism: 1,
            tagByteCount: 32)
        #expect(Hex.encode(tag) == "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7")
        let encoded = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
        #expect(try Self.cheap.verify("password", against: encoded))
        #expect(try !Self.cheap.verify("passwore", against: encoded))
    }

    @Test func hashesWithARandomSaltAndVerifies() throws {
        let first = try Self.cheap.hash("correct horse battery staple")
        let second = try Self.cheap.hash("correct horse battery staple")
        #expect(first.hasPrefix("$argon2id$v=19$m=1024,t=1,p=1$"))
        #expect(first != second)
        #expect(try Self.cheap.verify("correct horse battery staple", against: first))
        #expect(try !Self.cheap.verify("correct horse battery stapler", against: first))
        #expect(try !Self.cheap.verify("", against: first))
    }

    @Test func hashesWithTheDefaultParameters() throws {
        let hasher = PasswordHasher()
        let encoded = try hasher.hash("pässwörd with ünïcode")
        #expect(encoded.hasPrefix("$argon2id$v=19$m=65536,t=3,p=2$"))
        #expect(try hasher.verify("pässwörd with ünïcode", against: encoded))
        #expect(!hasher.needsRehash(encoded))
    }

    @Test func asksForARehashWhenParametersChange() throws {
        let encoded = try Self.cheap.hash("password")
        #expect(!Self.cheap.needsRehash(encoded))
        #expect(PasswordHasher(configuration: .init(memoryKiB: 2_048, iterations: 1, parallelism: 1)).needsRehash(encoded))
        #expect(PasswordHasher(configuration: .init(memoryKiB: 1_024, iterations: 2, parallelism: 1)).needsRehash(encoded))
        #expect(PasswordHasher(configuration: .init(memoryKiB: 1_024, iterations: 1, parallelism: 2)).needsRehash(encoded))
        #expect(PasswordHasher(configuration: .init(memoryKiB: 1_024, iterations: 1, parallelism: 1, hashByteCount: 16)).needsRehash(encoded))
        #expect(Self.cheap.needsRehash("not a hash"))
    }

    @Test(arguments: [
        "", "plain text", "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=1024,t=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$***",
    ])
    func refusesMalformedStoredHashes(encoded: String) {
        #expect(throws: CryptographyError.malformedPasswordHash) { try Self.cheap.verify("password", against: encoded) }
    }
}
