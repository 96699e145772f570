import Cryptography
import Testing

@Suite struct Base64URLTests {
    /// RFC 4648 §10 vectors, without padding (the url alphabet matches for these).
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ])
    func encodesTheRFC4648Vectors(plain: String, encoded: String) throws {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(try Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func usesTheURLAlphabet() throws {
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(try Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
    }

    @Test func roundTripsEveryLengthOfRandomBytes() throws {
        for length in 0..<70 {
            let bytes = try SecureRandom.bytes(count: length)
            #expect(try Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test(arguments: [
        ("Zm9v=", 4),  // padding
        ("Zm+v", 2),  // standard alphabet
        ("Zm/v", 2),
        ("Zm9 v", 3),  // whitespace
        ("Z", 1),  // impossible length
        ("Zh", 1),  // non-zero unused bits: "Zg" is the canonical form
        ("Zm9", 2),  // "Zm8" is canonical
        ("Zm9vé", 4),
    ])
    func rejectsMalformedText(text: String, position: Int) {
        let error = #expect(throws: CryptographyError.self) { try Base64URL.decode(text) }
        if case .invalidEncoding(_, let reported) = error {
            #expect(reported == position)
        } else {
            Issue.record("expected invalidEncoding, got \(String(describing: error))")
        }
    }
}
