import Testing

@testable import Core

@Suite struct ArgumentExtractorTests {
    @Test(arguments: [
        ("What's the status of order 42?", [ArgumentClue.reference(noun: "order", value: "42")]),
        ("order #1234 please", [.reference(noun: "order", value: "1234")]),
        (
            "orders 42, 43 and #44",
            [.reference(noun: "order", value: "42"), .reference(noun: "order", value: "43"), .reference(noun: "order", value: "44")]
        ),
        ("order 42 and 43", [.reference(noun: "order", value: "42"), .number("43")]),
        ("invoice number INV-7", [.reference(noun: "invoice", value: "INV-7")]),
        ("orders status=shipped limit=5", [.pair(key: "status", value: "shipped"), .pair(key: "limit", value: "5")]),
        ("name=\"Big Co\"", [.pair(key: "name", value: "Big Co")]),
        ("status: paid", [.pair(key: "status", value: "paid")]),
        ("change the status of order 12 to shipped", [.reference(noun: "order", value: "12"), .pair(key: "status", value: "shipped")]),
        ("set note to \"ring twice\"", [.pair(key: "note", value: "ring twice")]),
        ("mail jane.doe@example.com now", [.email("jane.doe@example.com")]),
        ("due 2026-03-05", [.date("2026-03-05")]),
        ("since 2026-03-05T10:00:00Z", [.date("2026-03-05T10:00:00Z")]),
        ("on 5 March 2026", [.date("2026-03-05")]),
        ("on the 1st of Feb 2027", [.date("2027-02-01")]),
        ("by March 5th, 2026", [.date("2026-03-05")]),
        ("30 February 2026 is not a date", [.number("30"), .number("2026")]),
        ("for 120 EUR", [.amount("120"), .currency("EUR")]),
        ("EUR 99.50", [.amount("99.50"), .currency("EUR")]),
        ("pay €15", [.amount("15"), .currency("EUR")]),
        ("pay $1,200.75", [.amount("1,200.75"), .currency("USD")]),
        ("invoice for ACME", [.name("ACME")]),
        ("invoice for Acme Corp for 5 gbp", [.amount("5"), .currency("GBP"), .name("Acme Corp")]),
        ("invoice for 'Big Co'", [.name("Big Co")]),
        ("search \"red shoes\"", [.quoted("red shoes")]),
        ("top 10", [.number("10")]),
        ("What's new", []),
    ])
    func findsTheValuesInAMessage(message: String, clues: [ArgumentClue]) {
        #expect(ArgumentExtractor.clues(in: message) == clues)
    }

    @Test func keepsApostrophesInsideWords() {
        let tokens = MessageToken.tokens(of: "What's Bob's 'best' order?")
        #expect(tokens.map(\.text) == ["What's", "Bob's", "best", "order"])
        #expect(tokens.map(\.isQuoted) == [false, false, true, false])
    }

    @Test func takesAnUnclosedQuoteToTheEnd() {
        #expect(ArgumentExtractor.clues(in: "note \"call back later") == [.quoted("call back later")])
    }
}
