import Cryptography
import Testing

@Suite struct AESGCMTests {
    struct Vector: Sendable, CustomStringConvertible {
        let description: String
        let key: String
        let nonce: String
        let plaintext: String
        let associatedData: String
        let ciphertext: String
        let tag: String
    }

    /// AES-256 cases of "The Galois/Counter Mode of Operation" (McGrew and Viega, the vectors
    /// NIST's GCM validation lists): 13 (empty), 14 (one block) and 16 (with associated data).
    static let vectors: [Vector] = [
        Vector(
            description: "test case 13", key: String(repeating: "00", count: 32), nonce: String(repeating: "00", count: 12),
            plaintext: "", associatedData: "", ciphertext: "", tag: "530f8afbc74536b9a963b4f1c4cb738b"),
        Vector(
            description: "test case 14", key: String(repeating: "00", count: 32), nonce: String(repeating: "00", count: 12),
            plaintext: String(repeating: "00", count: 16), associatedData: "",
            ciphertext: "cea7403d4d606b6e074ec5d3baf39d18", tag: "d0d1c8a799996bf0265b98b5d48ab919"),
        Vector(
            description: "test case 16 (associated data)",
            key: "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308", nonce: "cafebabefacedbaddecaf888",
            plaintext:
                "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            associatedData: "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            ciphertext:
                "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
            tag: "76fc6ece0f4e1768cddf8853bb2d551b"),
    ]

    @Test(arguments: vectors)
    func matchesTheGCMSpecificationVectors(_ vector: Vector) throws {
        let key = try SymmetricKey(bytes: Hex.decode(vector.key))
        let sealed = try AESGCM.seal(
            Hex.decode(vector.plaintext), key: key, nonce: Hex.decode(vector.nonce), associatedData: Hex.decode(vector.associatedData))
        #expect(Hex.encode(sealed.ciphertext) == vector.ciphertext)
        #expect(Hex.encode(sealed.tag) == vector.tag)
        let opened = try AESGCM.open(
            sealed.ciphertext, tag: sealed.tag, key: key, nonce: Hex.decode(vector.nonce),
            associatedData: Hex.decode(vector.associatedData))
        #expect(Hex.encode(opened) == vector.plaintext)
    }

    @Test func refusesAnAlteredCiphertextTagOrAssociatedData() throws {
        let vector = Self.vectors[2]
        let key = try SymmetricKey(bytes: Hex.decode(vector.key))
        let nonce = try Hex.decode(vector.nonce)
        let ciphertext = try Hex.decode(vector.ciphertext)
        let tag = try Hex.decode(vector.tag)
        let associatedData = try Hex.decode(vector.associatedData)
        var alteredCiphertext = ciphertext
        alteredCiphertext[0] ^= 0x01
        var alteredTag = tag
        alteredTag[15] ^= 0x80
        #expect(throws: CryptographyError.authenticationFailed) {
            try AESGCM.open(alteredCiphertext, tag: tag, key: key, nonce: nonce, associatedData: associatedData)
        }
        #expect(throws: CryptographyError.authenticationFailed) {
            try AESGCM.open(ciphertext, tag: alteredTag, key: key, nonce: nonce, associatedData: associatedData)
        }
        #expect(throws: CryptographyError.authenticationFailed) {
            try AESGCM.open(ciphertext, tag: tag, key: key, nonce: nonce, associatedData: associatedData.dropLast())
        }
        #expect(throws: CryptographyError.authenticationFailed) {
            try AESGCM.open(ciphertext, tag: Array(tag.prefix(12)), key: key, nonce: nonce, associatedData: associatedData)
        }
    }

    @Test func refusesKeysAndNoncesOfTheWrongLength() throws {
        #expect(throws: CryptographyError.invalidKeyLength(expected: 32, actual: 16)) {
            try SymmetricKey(bytes: [UInt8](repeating: 1, count: 16))
        }
        let key = try SymmetricKey.generate()
        #expect(throws: CryptographyError.invalidNonceLength(expected: 12, actual: 16)) {
            try AESGCM.seal([1], key: key, nonce: [UInt8](repeating: 0, count: 16))
        }
    }

    @Test func neverPrintsKeyBytes() throws {
        let key = try SymmetricKey(bytes: [UInt8](repeating: 0x41, count: 32))
        #expect("\(key)" == "SymmetricKey(id: \(key.id))")
        #expect(!String(reflecting: key).contains("65, 65"))
    }
}
