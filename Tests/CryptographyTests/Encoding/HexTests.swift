import Cryptography
import Testing

@Suite struct HexTests {
    @Test func encodesLowercaseAndDecodesEitherCase() throws {
        #expect(Hex.encode([0x00, 0x0F, 0xA5, 0xFF]) == "000fa5ff")
        #expect(try Hex.decode("000FA5ff") == [0x00, 0x0F, 0xA5, 0xFF])
        #expect(try Hex.decode("").isEmpty)
    }

    @Test func rejectsOddLengthsAndNonHexCharacters() {
        #expect(throws: CryptographyError.invalidEncoding("hex length", position: 3)) { try Hex.decode("abc") }
        #expect(throws: CryptographyError.invalidEncoding("hex", position: 1)) { try Hex.decode("ag") }
    }
}
