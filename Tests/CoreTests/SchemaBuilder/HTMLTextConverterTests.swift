import Core
import Testing

@Suite struct HTMLTextConverterTests {
    private func text(_ html: String) throws -> String {
        try HTMLTextConverter().text(from: html)
    }

    @Test func keepsHeadingsAsHashLines() throws {
        #expect(try text("<h1>Orders</h1><p>Intro</p><h3>List <em>all</em></h3>") == "# Orders\n\nIntro\n\n### List all\n")
    }

    @Test func fencesPreformattedBlocksWithTheirLanguage() throws {
        let html = "<p>Example:</p><pre><code class=\"hljs language-json\">{\n  \"a\": &quot;&lt;b&gt;&quot;\n}</code></pre>"
        #expect(try text(html) == "Example:\n\n```json\n{\n  \"a\": \"<b>\"\n}\n```\n")
    }

    @Test func writesListsAsDashedLines() throws {
        #expect(try text("<ul><li>one</li><li>two<ol><li>first</li></ol></li></ul>") == "- one\n- two\n  1. first\n")
    }

    @Test func writesTablesAsPipeRows() throws {
        let html = "<table><tr><th>Name</th><th>Type</th></tr><tr><td><code>id</code></td><td>a | b</td></tr></table>"
        #expect(try text(html) == "| Name | Type |\n| --- | --- |\n| `id` | a \\| b |\n")
    }

    @Test func dropsScriptsStylesAndNavigation() throws {
        let html = "<nav>Menu</nav><style>p{}</style><script>if (a < b) { x = \"</p>\" }</script><p>Kept</p><noscript>no</noscript>"
        #expect(try text(html) == "Kept\n")
    }

    @Test(arguments: [
        ("&amp;&lt;&gt;&quot;&#39;&#x7B;&#125;&nbsp;&mdash;", "&<>\"'{} —"),
        ("AT&T &unknown; &#xZZ; &", "AT&T &unknown; &#xZZ; &"),
        ("&#0;", "\u{FFFD}"),
    ])
    func decodesCharacterReferences(html: String, expected: String) throws {
        #expect(try text("<p>\(html)</p>") == expected + "\n")
    }

    @Test func survivesMalformedMarkup() throws {
        #expect(try text("<p>x<3 and y<-z</p>") == "x<3 and y<-z\n")
        let html = "<p>a < b <div>unclosed <b>bold</i> <table><tr><td>x<td>y</table> <!-- never closed"
        #expect(try text(html) == "a < b\n\nunclosed bold\n\n| x | y |\n| --- | --- |\n")
    }

    @Test func refusesAPageOverTheSizeLimit() {
        #expect(throws: SchemaBuilderError.tooLarge(what: "web page", limit: 10)) {
            try HTMLTextConverter(maximumInputBytes: 10).text(from: "<p>eleven bytes</p>")
        }
    }

    @Test func finishesOnEveryTruncationOfAPage() throws {
        // Cutting a page anywhere leaves unclosed tags, comments, entities and attributes.
        let scalars = Array(SchemaBuilderSamples.billingPage.unicodeScalars)
        for length in stride(from: 0, through: scalars.count, by: 7) {
            var page = String.UnicodeScalarView()
            page.append(contentsOf: scalars.prefix(length))
            _ = try text(String(page))
        }
        #expect(try text("<pre>x") == "```\nx\n```\n")
        #expect(try text("<table><tr><td>a") == "| a |\n| --- |\n")
    }

    @Test func convertsALongParagraphOfInlineMarkup() throws {
        let html = "<p>" + String(repeating: "<a href=\"#\">word</a> <code>x</code> ", count: 50_000) + "</p>"
        let converted = try text(html)
        #expect(converted.count == 50_000 * "word `x` ".count)
    }

    @Test func keepsWhatTheDrafterNeedsFromAReferencePage() throws {
        let page = try text(SchemaBuilderSamples.billingPage)
        #expect(page.contains("### `GET /invoices` — List invoices"))
        #expect(page.contains("| `customer` | string | Yes | Customer id |"))
        #expect(page.contains("```bash\ncurl -X POST https://billing.example.test/v1/invoices \\"))
        #expect(page.contains("Authorization: Bearer <access_token>"))
        #expect(!page.contains("should/not/appear"))
        #expect(!page.contains("nav/link"))
        #expect(!page.contains("also/not"))
    }
}
