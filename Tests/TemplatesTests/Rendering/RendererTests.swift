import Templates
import Testing

/// Rendering behaviour beyond the spec: buffers, depth limits, layouts.
@Suite struct RendererTests {
    @Test func appendsToTheGivenBuffer() throws {
        let template = try Template("<b>{{name}}</b>")
        var buffer = Array("start:".utf8)
        try template.render(["name": "Ann"], into: &buffer)
        try template.render(["name": "Bo"], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "start:<b>Ann</b><b>Bo</b>")
    }

    @Test func stopsSelfRecursivePartialWithAnError() throws {
        let partials = ["loop": try Template("x{{>loop}}", fileName: "loop.mustache")]
        let error = #expect(throws: TemplateError.self) {
            try Template("{{>loop}}").render(TemplateValue.null, partials: partials)
        }
        #expect(error?.kind == .recursionTooDeep(limit: Template.maximumDepth))
        #expect(error?.file == "loop.mustache")
        #expect((error?.line, error?.column) == (1, 2))
    }

    @Test func stopsMutuallyRecursiveParentsWithAnError() throws {
        let partials = [
            "a": try Template("{{<b}}{{/b}}"),
            "b": try Template("{{<a}}{{/a}}"),
        ]
        #expect(throws: TemplateError.self) {
            try Template("{{<a}}{{/a}}").render(TemplateValue.null, partials: partials)
        }
    }

    @Test func stopsBlockThatOverridesItselfWithAnError() throws {
        let partials = ["layout": try Template("{{$a}}{{/a}}")]
        let template = try Template("{{<layout}}{{$a}}[{{$a}}{{/a}}]{{/a}}{{/layout}}")
        #expect(throws: TemplateError.self) { try template.render(TemplateValue.null, partials: partials) }
    }

    @Test func rendersDeepButBoundedRecursionOverData() throws {
        var tree: TemplateValue = ["name": "leaf", "children": []]
        for level in 0..<20 { tree = ["name": .string("n\(level)"), "children": [tree]] }
        let partials = ["node": try Template("{{name}}({{#children}}{{>node}}{{/children}})")]
        let output = try Template("{{>node}}").render(tree, partials: partials)
        #expect(output.hasPrefix("n19(n18(") && output.hasSuffix("leaf()" + String(repeating: ")", count: 20)))
    }

    @Test func fillsLayoutBlocksFromThePage() throws {
        let layout = try Template(
            """
            <html>
              <head><title>{{$title}}Switchboard{{/title}}</title></head>
              <body>
                {{$content}}
                <p>empty</p>
                {{/content}}
              </body>
            </html>

            """)
        let page = try Template(
            """
            {{<layout}}
            {{$title}}Members{{/title}}
            {{$content}}
            <ul>
              {{#members}}
              <li>{{name}}</li>
              {{/members}}
            </ul>
            {{/content}}
            {{/layout}}

            """)
        let output = try page.render(["members": [["name": "Ann"], ["name": "<Bo>"]]], partials: ["layout": layout])
        #expect(
            output == """
                <html>
                  <head><title>Members</title></head>
                  <body>
                    <ul>
                      <li>Ann</li>
                      <li>&lt;Bo&gt;</li>
                    </ul>
                  </body>
                </html>

                """)
    }

    @Test(arguments: [
        ("{{#items.0}}[{{.}}]{{/items.0}}", "[a]"), ("{{items.1}}", "b"), ("{{items.2}}", ""), ("{{items.-1}}", ""),
        ("{{items.x}}", ""),
    ])
    func readsListElementsByPosition(_ source: String, _ expected: String) throws {
        #expect(try Template(source).render(["items": ["a", "b"]]) == expected)
    }

    @Test func indentsNestedStandalonePartials() throws {
        let partials = [
            "outer": try Template("<div>\n  {{>inner}}\n</div>\n"),
            "inner": try Template("<p>\n  {{text}}\n</p>\n"),
        ]
        let output = try Template("<main>\n  {{>outer}}\n</main>\n").render(["text": "a\nb"], partials: partials)
        #expect(output == "<main>\n  <div>\n    <p>\n      a\nb\n    </p>\n  </div>\n</main>\n")
    }

    @Test func resolvesDynamicPartialNames() throws {
        let partials = ["cards/invoice": try Template("invoice {{id}}"), "cards/user": try Template("user {{id}}")]
        let template = try Template("{{#cards}}[{{>*kind}}]{{/cards}}")
        let data: TemplateValue = [
            "cards": [["kind": "cards/user", "id": 1], ["kind": "cards/invoice", "id": 2], ["kind": "none"]]
        ]
        #expect(try template.render(data, partials: partials) == "[user 1][invoice 2][]")
    }
}
