import Cryptography
import Testing

@Suite struct HMACSHA256Tests {
    struct Vector: Sendable, CustomStringConvertible {
        let description: String
        let key: [UInt8]
        let data: [UInt8]
        let mac: String
    }

    static let largeKey = [UInt8](repeating: 0xAA, count: 131)

    /// RFC 4231 §4.2–4.8, all seven cases (case 5's output is truncated to 128 bits there).
    static let vectors: [Vector] = [
        Vector(
            description: "4.2 test case 1", key: [UInt8](repeating: 0x0B, count: 20), data: Array("Hi There".utf8),
            mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Vector(
            description: "4.3 test case 2 (key shorter than output)", key: Array("Jefe".utf8),
            data: Array("what do ya want for nothing?".utf8),
            mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Vector(
            description: "4.4 test case 3", key: [UInt8](repeating: 0xAA, count: 20), data: [UInt8](repeating: 0xDD, count: 50),
            mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Vector(
            description: "4.5 test case 4", key: Array(1...25), data: [UInt8](repeating: 0xCD, count: 50),
            mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        Vector(
            description: "4.6 test case 5 (truncated)", key: [UInt8](repeating: 0x0C, count: 20),
            data: Array("Test With Truncation".utf8), mac: "a3b6167473100ee06e0c796c2955552b"),
        Vector(
            description: "4.7 test case 6 (key larger than block)", key: largeKey,
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Vector(
            description: "4.8 test case 7 (key and data larger than block)", key: largeKey,
            data: Array(
                "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
                    .utf8),
            mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: vectors)
    func matchesTheRFC4231Vectors(_ vector: Vector) {
        let mac = Hex.encode(HMACSHA256.authenticationCode(for: vector.data, key: vector.key))
        #expect(mac.hasPrefix(vector.mac))
    }

    @Test func validatesOnlyTheRightCode() {
        let key = Array("key".utf8)
        let message = Array("message".utf8)
        let code = HMACSHA256.authenticationCode(for: message, key: key)
        #expect(HMACSHA256.isValid(code, for: message, key: key))
        var altered = code
        altered[31] ^= 1
        #expect(!HMACSHA256.isValid(altered, for: message, key: key))
        #expect(!HMACSHA256.isValid(code, for: Array("massage".utf8), key: key))
    }

    @Test func acceptsAnEmptyKey() {
        // Known value: HMAC-SHA256 with an empty key over an empty message.
        #expect(
            Hex.encode(HMACSHA256.authenticationCode(for: [], key: []))
                == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }
}
