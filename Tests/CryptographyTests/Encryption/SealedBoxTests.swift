import Cryptography
import Testing

@Suite struct SealedBoxTests {
    let key: SymmetricKey
    let otherKey: SymmetricKey

    init() throws {
        key = try SymmetricKey.generate()
        otherKey = try SymmetricKey.generate()
    }

    func lookup(_ keys: SymmetricKey...) -> (KeyID) -> SymmetricKey? {
        { id in keys.first { $0.id == id } }
    }

    @Test func roundTripsAndDescribesItself() throws {
        let secret = Array("sk_live_4f2a".utf8)
        let box = try SealedBox.seal(secret, key: key, associatedData: Array("credentials/c1/k1".utf8))
        #expect(box.count == SealedBox.minimumByteCount + secret.count)
        #expect(box[0] == SealedBox.version)
        #expect(try SealedBox.keyID(of: box) == key.id)
        #expect(try SealedBox.open(box, associatedData: Array("credentials/c1/k1".utf8), key: lookup(key, otherKey)) == secret)
    }

    @Test func usesAFreshNonceEachTime() throws {
        let first = try SealedBox.seal([1, 2, 3], key: key, associatedData: [])
        let second = try SealedBox.seal([1, 2, 3], key: key, associatedData: [])
        #expect(first != second)
    }

    @Test func refusesWrongAssociatedDataWrongKeyAndTampering() throws {
        let associatedData = Array("credentials/c1/k1".utf8)
        let box = try SealedBox.seal(Array("secret".utf8), key: key, associatedData: associatedData)
        #expect(throws: CryptographyError.authenticationFailed) {
            try SealedBox.open(box, associatedData: Array("credentials/c2/k1".utf8), key: lookup(key))
        }
        // A key with the right id but other bytes (the ring was given the wrong key file).
        #expect(throws: CryptographyError.authenticationFailed) {
            try SealedBox.open(box, associatedData: associatedData, key: { _ in otherKey })
        }
        #expect(throws: CryptographyError.unknownKey(key.id)) {
            try SealedBox.open(box, associatedData: associatedData, key: lookup(otherKey))
        }
        for index in [SealedBox.minimumByteCount - 17, box.count - 20, box.count - 1] {
            var tampered = box
            tampered[index] ^= 0x01
            #expect(throws: CryptographyError.authenticationFailed) {
                try SealedBox.open(tampered, associatedData: associatedData, key: lookup(key))
            }
        }
    }

    @Test func refusesShortBoxesAndUnknownVersions() throws {
        let box = try SealedBox.seal([], key: key, associatedData: [])
        #expect(throws: CryptographyError.self) { try SealedBox.open(Array(box.dropLast()), associatedData: [], key: lookup(key)) }
        var future = box
        future[0] = 2
        #expect(throws: CryptographyError.malformedSealedBox("unknown version 2")) {
            try SealedBox.open(future, associatedData: [], key: lookup(key))
        }
        #expect(try SealedBox.open(box, associatedData: [], key: lookup(key)).isEmpty)
    }
}
