import Templates
import Testing

/// Broken templates fail to parse with a typed error at the offending tag.
@Suite struct ParserErrorTests {
    private func parseError(_ source: String, fileName: String? = nil) -> TemplateError? {
        do {
            _ = try Template(source, fileName: fileName)
            return nil
        } catch {
            return error
        }
    }

    @Test func reportsUnclosedSectionAtItsOpeningTag() throws {
        let error = try #require(parseError("<ul>\n  {{#items}}<li>{{name}}</li>\n</ul>\n"))
        #expect(error.kind == .unclosedSection(name: "items"))
        #expect((error.line, error.column) == (2, 3))
    }

    @Test func reportsMismatchedClosingTagAtTheClosingTag() throws {
        let error = try #require(parseError("{{#a}}\n{{#b}}\n x {{/a}}\n{{/b}}"))
        #expect(error.kind == .mismatchedClosingTag(expected: "b", found: "a"))
        #expect((error.line, error.column) == (3, 4))
    }

    @Test func reportsClosingTagWithNoOpenSection() throws {
        let error = try #require(parseError("text\n{{/items}}"))
        #expect(error.kind == .unexpectedClosingTag(name: "items"))
        #expect((error.line, error.column) == (2, 1))
    }

    @Test(arguments: ["{{=<% =}}", "{{=<% %> x=}}", "{{=<= %>=}}", "{{=<% %>}}"])
    func rejectsBadDelimiters(_ source: String) throws {
        let error = try #require(parseError("ok\n  " + source))
        guard case .invalidDelimiters = error.kind else {
            Issue.record("expected invalid delimiters, got \(error)")
            return
        }
        #expect((error.line, error.column) == (2, 3))
    }

    @Test(arguments: ["{{name", "{{{name}}", "{{#a}}{{/a"])
    func rejectsUnclosedTag(_ source: String) throws {
        let error = try #require(parseError(source))
        #expect(error.kind == .unclosedTag)
    }

    @Test(arguments: ["{{}}", "{{a..b}}", "{{#.a}}{{/.a}}", "{{> }}", "{{$ }}{{/ }}"])
    func rejectsInvalidNames(_ source: String) throws {
        let error = try #require(parseError(source))
        guard case .invalidName = error.kind else {
            Issue.record("expected invalid name, got \(error)")
            return
        }
    }

    @Test func countsColumnsInCharactersNotBytes() throws {
        let error = try #require(parseError("é ü {{/x}}"))
        #expect(error.column == 5)
    }

    @Test func rejectsSectionsNestedBeyondTheLimit() throws {
        let depth = Template.maximumDepth + 5
        let source = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        let error = try #require(parseError(source))
        #expect(error.kind == .nestingTooDeep)
    }

    @Test func describesErrorAsFileLineColumnAndMessage() throws {
        let error = try #require(parseError("\n\n   {{#list}}", fileName: "settings/members.mustache"))
        #expect(error.description == "settings/members.mustache:3:4: section 'list' is not closed")
    }
}
