@testable import OpenAPI
import Testing

/// A word table finds its keys, and leaves to `String` the words only Unicode can match.
@Suite struct WordTableTests {
    @Test func findsKeysAndMissesOtherWords() {
        let table: WordTable<String> = WordTable(["id": "ID", "ids": "IDs", "oauth2": "OAuth2"])
        #expect(table["id"] == "ID")
        #expect(table["ids"] == "IDs")
        #expect(table["oauth2"] == "OAuth2")
        #expect(table["i"] == nil)
        #expect(table["idx"] == nil)
        #expect(table["oauth"] == nil)
        #expect(table[""] == nil)
    }

    @Test func countsARepeatedWordOnce() {
        let table: WordTable<Void> = ["clone", "clone", "void"]
        #expect(table.contains("clone"))
        #expect(table.contains("void"))
        #expect(!table.contains("clones"))
    }

    @Test func matchesCanonicallyEquivalentWordsOfAnotherLength() {
        // "é" precomposed (two bytes) and as "e" with a combining accent (three bytes) are the
        // same word to `String`; so is ";" and the Greek question mark.
        let table: WordTable<Void> = ["caf\u{E9}", "x;y"]
        #expect(table.contains("cafe\u{301}"))
        #expect(table.contains("x\u{37E}y"))
        let greekTable: WordTable<Void> = ["x\u{37E}y", "abc"]
        #expect(greekTable.contains("x;y"))
        #expect(greekTable.contains("abc"))
    }
}
