import Templates
import Testing

/// Interpolation escapes HTML by default and only where asked not to.
@Suite struct EscapingTests {
    @Test(arguments: [
        ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;"),
        ("a < b && c > \"d\" 'e'", "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;"),
        ("plain text", "plain text"), ("naïve — 日本 😀 <", "naïve — 日本 😀 &lt;"), ("", ""),
    ])
    func escapesHTMLCharacters(_ input: String, _ expected: String) throws {
        #expect(try Template("{{value}}").render(["value": .string(input)]) == expected)
    }

    @Test(arguments: ["{{{value}}}", "{{&value}}", "{{& value }}"])
    func leavesRawTagsUnescaped(_ source: String) throws {
        #expect(try Template(source).render(["value": "<b>&amp;</b>"]) == "<b>&amp;</b>")
    }

    @Test func writesAlreadySafeHTMLAsItIs() throws {
        #expect(try Template("{{value}}").render(["value": .html("<b>bold</b>")]) == "<b>bold</b>")
    }

    @Test func escapesStringsBuiltFromNonContiguousStorage() throws {
        let bridged = String(decoding: Array("<x>".utf8), as: UTF8.self)
        #expect(try Template("{{value}}").render(["value": .string(bridged)]) == "&lt;x&gt;")
    }

    @Test func neverEscapesTemplateText() throws {
        #expect(try Template("<p class=\"a\">{{value}}</p>").render(["value": "&"]) == "<p class=\"a\">&amp;</p>")
    }
}
