import OpenAPI
import Testing

/// Documentation pages are written by anyone: whatever the text, the drafter must finish and
/// its draft must import.
@Suite struct DraftingRobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure repeats.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    private static let fragments = [
        "GET", "POST", "delete", "/orders", "/{id}", "/:id", "/<x>", "{", "}", "[", "]", "\"a\":", "1,", "|", "| --- |", "curl",
        "-X", "-H", "'Authorization: Bearer x'", "-d", "'{\"a\": [1, {\"b\": null}]}'", "\\", "https://api.test/v1", "?q=1&r",
        "Base URL:", "X-API-Key:", "```", "```json", "~~~", "name", "type", "required", "description", "string", "integer",
        "- `p` (string, required)", "#", "##", "Response", "Request", "\t", "  ", "oauth/authorize", "https://a.test/oauth/token",
        "%7Bid%7D", "$ID", "é", "\u{0C}", "\"", "'", "(", ")", "*", "`",
    ]

    @Test func draftsImportableDocumentsFromRandomText() throws {
        var generator = SeededGenerator(state: 11)
        for round in 0..<200 {
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &generator) {
                text += Self.fragments.randomElement(using: &generator) ?? ""
                text += Bool.random(using: &generator) ? " " : (Bool.random(using: &generator) ? "\n" : "")
            }
            let draft = try OfflineSchemaDrafter().draft([
                .documentation(DocumentationPiece(source: "fuzz", text: text)), .correction(text),
            ])
            let result = OpenAPIImporter().import(data: Array(draft.jsonText.utf8), sourceURL: nil)
            #expect(result.document != nil, "round \(round): \(String(describing: result.failure))\n\(text)")
        }
    }

    @Test func draftsALargeReferenceInOnePass() throws {
        var text = "Base URL: https://api.large.test/v1\n\n"
        for index in 0..<1_500 {
            text +=
                "## Resource \(index)\n\nGET /resources\(index)/{id}\n\n| Name | Type | Required |\n| --- | --- | --- |\n| id | string | yes |\n| page | integer | no |\n\n"
            text += "```json\n{\"id\": \"r\(index)\", \"items\": [{\"n\": 1}]}\n```\n\n"
        }
        let draft = try OfflineSchemaDrafter().draft([.documentation(DocumentationPiece(source: "large", text: text))])
        #expect(draft.report.endpoints.count == 1_500)
        #expect(draft.report.endpoints.last?.parameterNames == ["id", "page"])
    }
}
