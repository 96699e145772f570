import Templates
import Testing

/// Lambdas receive the raw section text and decide what is written.
@Suite struct TemplateLambdaTests {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "refused" }
    }

    @Test func rendersSectionTextThroughTheInvocation() throws {
        let upper = TemplateLambda { invocation in .html(try invocation.render(invocation.text).uppercased()) }
        let output = try Template("{{#upper}}hi {{name}}{{/upper}}").render(["upper": .lambda(upper), "name": "<ann>"])
        #expect(output == "HI &LT;ANN&GT;")
    }

    @Test func doesNotReparseRenderedOutputReturnedAsHTML() throws {
        let wrap = TemplateLambda { invocation in .html("<b>" + (try invocation.render(invocation.text)) + "</b>") }
        let output = try Template("{{#wrap}}{{name}}{{/wrap}}").render(["wrap": .lambda(wrap), "name": "{{secret}}"])
        #expect(output == "<b>{{secret}}</b>")
    }

    @Test func rendersEachCallOfTheInvocationSeparately() throws {
        let twice = TemplateLambda { invocation in
            .html(try invocation.render("[{{name}}]") + "/" + (try invocation.render("({{name}})")))
        }
        #expect(try Template("{{#twice}}{{/twice}}").render(["twice": .lambda(twice), "name": "Ann"]) == "[Ann]/(Ann)")
    }

    @Test func usesNonStringResultsAsTheSectionValue() throws {
        let numbers = TemplateLambda { _ in [1, 2, 3] }
        let output = try Template("{{#numbers}}<{{.}}>{{/numbers}}").render(["numbers": .lambda(numbers)])
        #expect(output == "<1><2><3>")
    }

    @Test func interpolatesNonStringResults() throws {
        let answer = TemplateLambda { _ in 42 }
        #expect(try Template("{{answer}}").render(["answer": .lambda(answer)]) == "42")
    }

    @Test func reportsLambdaErrorsAtTheTag() throws {
        let failing = TemplateLambda { _ in throw Refused() }
        let error = #expect(throws: TemplateError.self) {
            try Template("\n  {{#failing}}x{{/failing}}").render(["failing": .lambda(failing)])
        }
        #expect(error?.kind == .lambdaFailed(message: "refused"))
        #expect((error?.line, error?.column) == (2, 3))
    }

    @Test func stopsLambdaThatExpandsItselfForever() throws {
        let again = TemplateLambda { _ in "{{#again}}{{/again}}" }
        let error = #expect(throws: TemplateError.self) {
            try Template("{{#again}}{{/again}}").render(["again": .lambda(again)])
        }
        #expect(error?.kind == .recursionTooDeep(limit: Template.maximumDepth))
    }
}
