import Foundation
import Testing
import YAML

/// The JSON reader (RFC 8259).
@Suite struct JSONReaderTests {
    private func read(_ text: String) throws(JSONReadError) -> OrderedValue {
        try JSONReader().read(Array(text.utf8))
    }

    @Test func keepsObjectKeysInDocumentOrder() throws {
        let value = try read(#"{"zebra": 1, "apple": 2, "mango": 3}"#)
        #expect(value.objectValue?.keys == ["zebra", "apple", "mango"])
        #expect(value["apple"] == .int(2))
    }

    @Test(arguments: [
        ("0", OrderedValue.int(0)), ("-12", .int(-12)), ("1.5", .double(1.5)), ("2e3", .double(2000)), ("-0.25E-2", .double(-0.0025)),
        ("9223372036854775807", .int(Int.max)), ("92233720368547758070", .double(92233720368547758080)),
        ("true", .bool(true)), ("false", .bool(false)), ("null", .null), (#""a\"b\\c\/d\n\t""#, .string("a\"b\\c/d\n\t")),
        (#""\u00e9\u20AC\ud83d\ude00""#, .string("é€😀")), (#""\ud83d""#, .string("\u{FFFD}")), (#""héllo""#, .string("héllo")),
        ("[]", .array([])), ("{}", .object(OrderedObject())), (" [1, [2, {}]] ", .array([.int(1), .array([.int(2), .object(OrderedObject())])])),
    ])
    func readsValues(_ text: String, _ expected: OrderedValue) throws {
        #expect(try read(text) == expected)
    }

    @Test(arguments: [
        ("", 1, 1), ("{", 1, 2), ("[1,]", 1, 4), ("{\"a\" 1}", 1, 6), ("01", 1, 1), ("1.", 1, 3), ("tru", 1, 1),
        ("\"abc", 1, 1), ("\"a\u{01}\"", 1, 3), ("[1]\n x", 2, 2), ("{\"a\": [1, 2,\n\n  ]}", 3, 3), ("\"\\x\"", 1, 3),
        ("[NaN]", 1, 2), ("{'a': 1}", 1, 2),
    ])
    func rejectsMalformedTextWithItsPosition(_ text: String, _ line: Int, _ column: Int) {
        #expect {
            try read(text)
        } throws: { error in
            guard let error = error as? JSONReadError else { return false }
            return error.line == line && error.column == column
        }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        #expect(throws: JSONReadError.self) { try JSONReader().read([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func readsLongRunsOfTextBetweenEscapes() throws {
        let text = #""The first line of a description\nand the second, \"quoted\" at length\u00e9 then café and more text""#
        #expect(try read(text) == .string("The first line of a description\nand the second, \"quoted\" at length\u{e9} then café and more text"))
    }

    @Test func rejectsInvalidUTF8AfterAnEscape() {
        let bytes = Array(#""an escape\n then a long run of text "#.utf8) + [0xFF, 0xFE] + Array(#" and the end""#.utf8)
        #expect(throws: JSONReadError.self) { try JSONReader().read(bytes) }
    }

    @Test func rejectsAControlCharacterAfterAnEscapeWithItsPosition() {
        #expect {
            try read("\"a\\n long run of plain text\u{01}\"")
        } throws: { error in
            (error as? JSONReadError)?.column == 28
        }
    }

    @Test func rejectsNestingDeeperThanTheLimit() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONReadError.self) { try read(deep) }
        let allowed = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        _ = try read(allowed)
    }

    @Test func buildsLargeAndNestedContainersWhole() throws {
        // More elements than the parser's container stack starts with, with objects and arrays
        // opened and closed between them, each keeping exactly its own members.
        let elements = (0..<5_000).map { #"{"n": \#($0), "pair": [\#($0), {"half": \#($0 / 2)}], "empty": {}, "none": []}"# }
        let value = try JSONReader().read(Array(("[" + elements.joined(separator: ",") + "]").utf8))
        let array = try #require(value.arrayValue)
        #expect(array.count == 5_000)
        #expect(array[4_321] == .object(OrderedObject([
            "n": .int(4_321), "pair": .array([.int(4_321), .object(OrderedObject(["half": .int(2_160)]))]),
            "empty": .object(OrderedObject()), "none": .array([]),
        ])))
    }

    @Test func failsCleanlyWithManyContainersStillOpen() {
        // The error leaves thousands of collected entries on the stack: they are released, not leaked or crashed on.
        let open = String(repeating: #"{"a": [1, 2, {"b": "c"}], "d": "#, count: 400)
        #expect(throws: JSONReadError.self) { try JSONReader().read(Array((open + "?").utf8)) }
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONReader().read([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.int(1)]))
    }

    @Test func readsConcatenatedValues() throws {
        #expect(try JSONReader().readSequence(Array("1 {\"a\": 2}\n[3]".utf8)) == [.int(1), .object(OrderedObject(["a": .int(2)])), .array([.int(3)])])
        #expect(try JSONReader().readSequence([]) == [])
    }

    @Test func aRepeatedKeyKeepsItsFirstPlaceAndTheLastValue() throws {
        let value = try read(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == .int(3))
    }

    @Test func readsTheLargestCorpusDocument() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/corpus/openapi/stripe__spec3-2021-06.json").standardized
        guard let data = FileManager.default.contents(atPath: url.path) else {
            print("skipping: \(url.path) is absent")
            return
        }
        let value = try JSONReader().read([UInt8](data))
        #expect(value["openapi"] == .string("3.0.0"))
        #expect(value["paths"]?.objectValue?.count == 226)
        // Foundation's reader agrees on the shape.
        let foundation = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((foundation["paths"] as? [String: Any])?.count == 226)
    }
}
