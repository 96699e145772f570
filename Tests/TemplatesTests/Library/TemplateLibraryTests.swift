import Foundation
import Templates
import Testing

/// A library loads a views folder, checks it at start-up and renders pages by name.
@Suite struct TemplateLibraryTests {
    static let views = [
        "layouts/app.mustache": """
        <html>
        <head><title>{{$title}}Switchboard{{/title}}</title></head>
        <body>
          {{> partials/flash}}
          {{$content}}
          {{/content}}
        </body>
        </html>

        """,
        "partials/flash.mustache": """
        {{#flash}}
        <p class="flash">{{.}}</p>
        {{/flash}}

        """,
        "settings/members.mustache": """
        {{<layouts/app}}
        {{$title}}Members · {{company}}{{/title}}
        {{$content}}
        <ul>
          {{#members}}
          <li>{{name}}</li>
          {{/members}}
        </ul>
        {{/content}}
        {{/layouts/app}}

        """,
        "notes.txt": "not a template {{",
    ]

    @Test func namesTemplatesByRelativePathWithoutExtension() throws {
        let folder = try TemporaryViews(Self.views)
        let library = try TemplateLibrary(directory: folder.url)
        #expect(library.names == ["layouts/app", "partials/flash", "settings/members"])
    }

    @Test func rendersPageThroughLayoutBlocksAndPartials() throws {
        let folder = try TemporaryViews(Self.views)
        let library = try TemplateLibrary(directory: folder.url)
        let page: TemplateValue = ["company": "A&B", "flash": "Saved", "members": [["name": "Ann"], ["name": "<Bo>"]]]
        #expect(
            try library.render("settings/members", page) == """
                <html>
                <head><title>Members · A&amp;B</title></head>
                <body>
                  <p class="flash">Saved</p>
                  <ul>
                    <li>Ann</li>
                    <li>&lt;Bo&gt;</li>
                  </ul>
                </body>
                </html>

                """)
    }

    @Test func appendsIntoAReusedBuffer() throws {
        let folder = try TemporaryViews(Self.views)
        let library = try TemplateLibrary(directory: folder.url)
        var buffer: [UInt8] = []
        try library.render("partials/flash", ["flash": "one"], into: &buffer)
        buffer.removeAll(keepingCapacity: true)
        try library.render("partials/flash", ["flash": "two"], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "<p class=\"flash\">two</p>\n")
    }

    @Test func reportsBrokenTemplateWithFileLineAndColumn() throws {
        var views = Self.views
        views["settings/broken.mustache"] = "<ul>\n  {{#members}}\n  <li>{{name}}</li>\n</ul>\n"
        let folder = try TemporaryViews(views)
        let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: folder.url) }
        #expect(error?.description == "settings/broken.mustache:2:3: section 'members' is not closed")
    }

    @Test func reportsUnknownPartialWithFileLineAndColumn() throws {
        var views = Self.views
        views["settings/billing.mustache"] = "<h1>Billing</h1>\n<div>{{> partials/missing}}</div>\n"
        let folder = try TemporaryViews(views)
        let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: folder.url) }
        #expect(error?.kind == .unknownPartial(name: "partials/missing"))
        #expect(error?.description == "settings/billing.mustache:2:6: unknown partial 'partials/missing'")
    }

    @Test func reportsUnknownParentInsideBlocks() throws {
        let error = #expect(throws: TemplateError.self) {
            try TemplateLibrary(sources: [
                "page": "{{<layout}}{{$a}}\n {{>gone}}{{/a}}{{/layout}}", "layout": "{{$a}}{{/a}}",
            ])
        }
        #expect(error?.description == "page:2:2: unknown partial 'gone'")
    }

    @Test func rejectsUnknownTemplateName() throws {
        let library = try TemplateLibrary(sources: ["a": "x"])
        let error = #expect(throws: TemplateError.self) { try library.render("b", TemplateValue.null) }
        #expect(error?.kind == .unknownTemplate(name: "b"))
    }

    @Test func reloadsChangedFilesInDevelopmentMode() throws {
        let folder = try TemporaryViews(["page.mustache": "one {{x}}"])
        let library = try TemplateLibrary(directory: folder.url, reloadsChangedFiles: true)
        #expect(try library.render("page", ["x": 1]) == "one 1")

        try folder.write("page.mustache", "two {{x}}", modified: Date().addingTimeInterval(60))
        #expect(try library.render("page", ["x": 1]) == "two 1")

        try folder.write("added.mustache", "added", modified: Date().addingTimeInterval(60))
        #expect(try library.render("added", TemplateValue.null) == "added")

        try folder.write("page.mustache", "{{#x}}", modified: Date().addingTimeInterval(120))
        let error = #expect(throws: TemplateError.self) { try library.render("page", ["x": 1]) }
        #expect(error?.description == "page.mustache:1:1: section 'x' is not closed")
    }

    @Test func keepsLoadedTemplatesWhenNotReloading() throws {
        let folder = try TemporaryViews(["page.mustache": "one"])
        let library = try TemplateLibrary(directory: folder.url)
        try folder.write("page.mustache", "two", modified: Date().addingTimeInterval(60))
        #expect(try library.render("page", TemplateValue.null) == "one")
    }
}
