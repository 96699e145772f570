import Testing

@testable import OpenAPI

/// The byte scan that decides whether a document may reference other files.
@Suite struct ExternalReferenceScanTests {
    static let cases: [(String, Bool)] = [
        (##"{"$ref": "other.json#/Pet"}"##, true),
        (##"{"a": {"$ref":"#/components/schemas/Pet"}, "b": {"$ref": "./common.yaml"}}"##, true),
        ("schema:\n  $ref: 'other.yaml'\n", true),
        (##"{"$ref": "#/components/schemas/Pet"}"##, false),
        (##"{"price": "$5", "note": "costs $$$ or $re", "$ref": "#/x"}"##, false),
        ("no dollar sign at all, but long enough to scan a few words", false),
        (##"{"$ref"##, false),
        ("", false),
    ]

    @Test(arguments: cases)
    func findsReferencesToOtherFiles(_ text: String, _ expected: Bool) {
        #expect(ExternalDocumentLoader.mayReferenceOtherFiles(Array(text.utf8)) == expected)
    }
}
