@testable import OpenAPI
import Testing

/// Paths and summaries read for naming, ASCII or not.
@Suite struct PathShapeTests {
    @Test func readsSegmentsParametersVersionsAndExtensions() {
        let shape = PathShape("/api/v2/users/{userId}/files/{name}.json")
        #expect(shape.tokens == [.literal(["users"]), .parameter("userId"), .literal(["files"]), .parameter("name")])
        #expect(shape.versions == ["V2"])
        #expect(shape.segmentStarts == [0, 1, 2, 3])
        #expect(shape.lowercaseLiteralWords == ["users", "files"])
    }

    @Test func readsDottedSegmentsAsSeveralTokens() {
        let shape = PathShape("/admin.conversations.archive.JSON")
        #expect(shape.tokens == [.literal(["admin"]), .literal(["conversations"]), .literal(["archive"])])
        #expect(shape.segmentStarts == [0, 0, 0])
    }

    @Test func readsPathsOutsideASCII() {
        let shape = PathShape("/b\u{FC}cher/{b\u{FC}chID}/Stra\u{DF}en")
        #expect(shape.tokens == [.literal(["b\u{FC}cher"]), .parameter("b\u{FC}chID"), .literal(["Stra\u{DF}en"])])
    }

    @Test(arguments: [
        ("Retrieve a customer.", ["Retrieve", "a", "customer"]),
        ("  List all users (paginated)", ["List", "all", "users"]),
        ("Get caf\u{E9} menu\n", ["Get", "caf\u{E9}", "menu"]),
        ("Get menu\r\n", ["Get", "menu"]),
    ])
    func readsSummariesAsSpaceSeparatedPieces(_ summary: String, _ pieces: [String]) throws {
        let phrase = try #require(SummaryPhrase(summary))
        #expect(phrase.pieces.map(String.init).flatMap { WordSplitter.words($0) } == pieces)
    }

    @Test(arguments: ["Returns a customer, if it exists", "Note: deprecated", "What is this?", "Read/write"])
    func rejectsSummariesThatAreSentences(_ summary: String) {
        #expect(SummaryPhrase(summary) == nil)
    }
}
