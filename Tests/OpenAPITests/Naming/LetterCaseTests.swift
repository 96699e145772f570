@testable import OpenAPI
import Testing

/// The byte-level case helpers answer exactly as `String` does, ASCII or not.
@Suite struct LetterCaseTests {
    /// Words whose case folding is plain ASCII, and some where Unicode decides: a Kelvin sign
    /// lowercases to "k", "É" written with a combining accent, a German sharp s.
    static let words = [
        "", "get", "Get", "HTTPResponse", "oauth2", "ID", "\u{212A}ey", "\u{212A}", "Caf\u{E9}", "CAFE\u{301}", "Stra\u{DF}e", "e\u{345}x",
    ]

    @Test(arguments: words)
    func lowercasesAsStringDoes(_ word: String) {
        #expect(LetterCase.lowercased(word) == word.lowercased())
    }

    @Test(arguments: words, words)
    func comparesAsLowercasedStringsDo(_ word: String, _ other: String) {
        #expect(LetterCase.equal(word, other) == (word.lowercased() == other.lowercased()))
    }

    @Test(arguments: [("\u{212A}ey", true), ("KEY", true), ("keys", false), ("ke", false), ("k\u{E9}y", false)])
    func comparesWithALowercaseLiteral(_ word: String, _ isKey: Bool) {
        #expect(LetterCase.equal(word, lowercaseASCII: "key") == isKey)
    }

    @Test(arguments: ["get", "oauth2", "e\u{301}clair", "\u{E9}clair", "\u{DF}", "1st", ""])
    func capitalisesAsUppercasingTheFirstCharacterDoes(_ word: String) {
        #expect(LetterCase.capitalized(word) == word.prefix(1).uppercased() + word.dropFirst())
    }

    @Test(arguments: [("Get", true), ("get", false), ("\u{C9}t\u{E9}", true), ("E\u{301}t\u{E9}", true), ("1st", false), ("", false)])
    func tellsAWordStartingWithACapital(_ word: String, _ startsWithCapital: Bool) {
        #expect(LetterCase.startsWithCapital(word) == startsWithCapital)
    }
}
