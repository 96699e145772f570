import Foundation
import Testing
import YAML

/// The YAML reader: core schema scalars, aliases, merge keys, documents, errors.
@Suite struct YAMLReaderTests {
    private func read(_ text: String) throws(YAMLReadError) -> OrderedValue {
        try YAMLReader().readDocuments(Array(text.utf8)).first ?? .null
    }

    @Test(arguments: [
        ("null", OrderedValue.null), ("~", .null), ("", .null), ("Null", .null), ("true", .bool(true)), ("FALSE", .bool(false)),
        ("yes", .string("yes")), ("42", .int(42)), ("-17", .int(-17)), ("+3", .int(3)), ("0o17", .int(15)), ("0x1F", .int(31)),
        ("1.5", .double(1.5)), ("1.", .double(1)), (".5", .double(0.5)), ("6.02e23", .double(6.02e23)), (".inf", .double(.infinity)),
        ("-.Inf", .double(-.infinity)), ("'42'", .string("42")), ("\"true\"", .string("true")), ("!!str 42", .string("42")),
        ("!!float 3", .double(3)), ("3.0.1", .string("3.0.1")), ("2.0", .double(2)), ("v1", .string("v1")), ("0x", .string("0x")),
        ("- a", .array([.string("a")])), ("|\n  line\n", .string("line\n")), ("!custom value", .string("value")),
    ])
    func resolvesScalarsByTheCoreSchema(_ text: String, _ expected: OrderedValue) throws {
        #expect(try read(text) == expected)
    }

    @Test func readsNotANumber() throws {
        guard case .double(let value) = try read(".nan") else {
            Issue.record("expected a double")
            return
        }
        #expect(value.isNaN)
    }

    @Test func rejectsAWronglyTaggedScalar() {
        #expect(throws: YAMLReadError.self) { try read("!!int twelve") }
    }

    @Test func keepsMappingOrderAndNesting() throws {
        let value = try read("b: 1\na:\n  - x: [1, 2]\n  - {y: null}\n")
        #expect(value.objectValue?.keys == ["b", "a"])
        #expect(value["a"]?.arrayValue?.first?["x"] == .array([.int(1), .int(2)]))
        #expect(value["a"]?.arrayValue?.last?["y"] == .null)
    }

    @Test func expandsAliases() throws {
        let value = try read("base: &base {type: string}\nname: *base\nlist: [*base, *base]\n")
        #expect(value["name"] == value["base"])
        #expect(value["list"]?.arrayValue?.count == 2)
    }

    @Test func stopsAnAliasBomb() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect {
            try YAMLReader().readDocuments(Array(text.utf8))
        } throws: { error in
            (error as? YAMLReadError)?.message.contains("aliases expand to more than") == true
        }
    }

    @Test func appliesMergeKeysWithExplicitKeysWinning() throws {
        let value = try read("defaults: &defaults {a: 1, b: 2}\nmore: &more {c: 3}\nitem:\n  <<: [*defaults, *more]\n  b: 20\n")
        #expect(value["item"] == .object(OrderedObject(["b": .int(20), "a": .int(1), "c": .int(3)])))
    }

    @Test func readsEveryDocumentOfAStream() throws {
        let documents = try YAMLReader().readDocuments(Array("---\na: 1\n---\n- 2\n...\n".utf8))
        #expect(documents == [.object(OrderedObject(["a": .int(1)])), .array([.int(2)])])
        #expect(try YAMLReader().readDocuments([]) == [])
    }

    @Test func reportsErrorsWithLineAndColumn() {
        #expect {
            try read("a: 1\nb: [1, 2\nc: 3\n")
        } throws: { error in
            guard let error = error as? YAMLReadError else { return false }
            return error.line == 3 && error.column >= 1 && !error.message.isEmpty
        }
    }

    @Test func rejectsCollectionsAsKeysAndUnknownAliases() {
        #expect(throws: YAMLReadError.self) { try read("? [a, b]\n: c\n") }
        #expect(throws: YAMLReadError.self) { try read("a: *nowhere\n") }
    }

    @Test func readsTheSameValueAsJSONForACorpusDocumentInBothForms() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/corpus/openapi").standardized
        guard let json = FileManager.default.contents(atPath: corpus.appendingPathComponent("oai__v20-petstore-separate-json/spec/Pet.json").path),
            let yaml = FileManager.default.contents(atPath: corpus.appendingPathComponent("oai__v20-petstore-separate-yaml/spec/Pet.yaml").path)
        else {
            print("skipping: the OpenAPI corpus is absent")
            return
        }
        let fromJSON = try JSONReader().read([UInt8](json))
        let fromYAML = try YAMLReader().readDocuments([UInt8](yaml)).first
        #expect(fromJSON == fromYAML)
    }
}
