import Core
import HTTPCore
import OpenAPI
import Testing

@Suite struct SchemaBuilderTests {
    /// A drafter standing in for a language model that answers with something that is not OpenAPI.
    private struct BrokenDrafter: SchemaDrafter {
        func draft(_ messages: [DraftMessage]) throws(DraftingError) -> SchemaDraft {
            SchemaDraft(
                jsonText: "{\"hello\": \"world\"}",
                report: DraftReport(endpoints: [], baseURL: nil, appliedCorrections: [], notUnderstood: []))
        }
    }

    @Test func checksADraftWithTheImporter() throws {
        let text = "Base URL: https://api.example.test\n\nGET /widgets/:id\n"
        let checked = try SchemaBuilder().draft([
            .documentation(DocumentationPiece(source: "pasted", text: text)), .correction("call it Widgets"),
        ])
        #expect(checked.problem == nil)
        let document = try #require(checked.importResult.document)
        #expect(document.title == "Widgets")
        #expect(document.operations.map(\.name) == ["Get Widget"])
    }

    @Test func explainsGarbageInput() throws {
        let checked = try SchemaBuilder().draft([
            .documentation(DocumentationPiece(source: "pasted", text: "lorem ipsum dolor sit amet"))
        ])
        #expect(checked.problem?.contains("No API endpoints were found yet") == true)
    }

    @Test func reportsADrafterAnswerThatIsNotOpenAPI() throws {
        let checked = try SchemaBuilder(drafter: BrokenDrafter()).draft([.correction("anything")])
        #expect(checked.importResult.failure != nil)
        #expect(checked.problem?.hasPrefix("The draft is not a usable OpenAPI document") == true)
    }
}

@Suite struct DocumentationFetcherURLTests {
    @Test(arguments: ["file:///etc/passwd", "ftp://docs.example.test/api.txt", "not a url"])
    func refusesAddressesThatAreNotHTTP(url: String) throws {
        let fetcher = DocumentationFetcher(client: try HTTPClient())
        #expect {
            try fetcher.fetch(url)
        } throws: { error in
            guard case .fetchFailed(let failedURL, _)? = error as? SchemaBuilderError else { return false }
            return failedURL == url
        }
    }
}

@Suite struct DocumentationReaderTests {
    @Test(arguments: [
        ([UInt8]([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]), nil as String?, "an image"),
        ([0xFF, 0xD8, 0xFF, 0xE0], nil, "an image"),
        (Array("anything".utf8), "image/svg+xml", "an image"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14], nil, "an archive or office document"),
        ([0x00, 0x01, 0x02], "application/octet-stream", "a binary file"),
    ])
    func refusesFilesThatHoldNoText(bytes: [UInt8], contentType: String?, kind: String) {
        #expect(throws: SchemaBuilderError.unsupportedContent(what: kind)) {
            try DocumentationReader().piece(from: bytes, contentType: contentType, source: "upload")
        }
    }

    @Test func readsHTMLByItsContentOrType() throws {
        let reader = DocumentationReader()
        #expect(try reader.piece(from: Array("<!doctype html><h2>Orders</h2>".utf8), contentType: nil, source: "a").text == "## Orders\n")
        #expect(try reader.piece(from: Array("<b>x</b>".utf8), contentType: "text/html; charset=utf-8", source: "a").text == "x\n")
        #expect(try reader.piece(from: Array("# Orders\n<b>".utf8), contentType: "text/markdown", source: "a").text == "# Orders\n<b>")
    }

    @Test func refusesTextOverTheLimit() {
        #expect(throws: SchemaBuilderError.tooLarge(what: "text", limit: 4)) {
            try DocumentationReader(maximumTextBytes: 4).piece(from: Array("GET /orders".utf8), contentType: "text/plain", source: "a")
        }
    }
}
