import Foundation
import Templates
import Testing

/// Values convert from page models and render as their kind says.
@Suite struct TemplateValueTests {
    struct Member: TemplateRepresentable {
        var name: String
        var isAdmin: Bool
        var templateValue: TemplateValue { ["name": .string(name), "isAdmin": .bool(isAdmin)] }
    }

    struct MembersPage: TemplateRepresentable {
        var title: String
        var members: [Member]
        var invitation: String?
        var templateValue: TemplateValue {
            ["title": title.templateValue, "members": members.templateValue, "invitation": invitation.templateValue]
        }
    }

    @Test func rendersPageModelsThroughTheirTemplateValue() throws {
        let page = MembersPage(
            title: "Team", members: [Member(name: "Ann", isAdmin: true), Member(name: "Bo", isAdmin: false)],
            invitation: nil)
        let template = try Template(
            "{{title}}:{{#members}} {{name}}{{#isAdmin}}*{{/isAdmin}}{{/members}}{{^invitation}} none{{/invitation}}")
        #expect(try template.render(page) == "Team: Ann* Bo none")
    }

    @Test(arguments: [
        (TemplateValue.int(42), "42"), (.int(-7), "-7"), (.int(Int.min), "-9223372036854775808"), (.int(0), "0"),
        (.double(1.5), "1.5"), (.double(3), "3"), (.double(-0.25), "-0.25"), (.bool(true), "true"),
        (.bool(false), "false"), (.null, ""), (.list([1, 2]), ""), (.dictionary(["a": 1]), ""),
    ])
    func interpolatesEachKind(_ value: TemplateValue, _ expected: String) throws {
        #expect(try Template("{{value}}").render(["value": value]) == expected)
    }

    @Test(arguments: [
        (TemplateValue.null, false), (.bool(false), false), (.int(0), false), (.double(0), false),
        (.string(""), false), (.html(""), false), (.list([]), false), (.bool(true), true), (.int(2), true),
        (.string("x"), true), (.dictionary([:]), true), (.list([.null]), true),
    ])
    func showsSectionsOnlyForTruthyValues(_ value: TemplateValue, _ shown: Bool) throws {
        let output = try Template("{{#value}}shown{{/value}}{{^value}}hidden{{/value}}").render(["value": value])
        #expect(output == (shown ? "shown" : "hidden"))
    }

    @Test(arguments: [3, 8, 9, 40])
    func looksUpMembersOfSmallAndLargeDictionaries(_ size: Int) throws {
        var members: [String: TemplateValue] = [:]
        for index in 0..<size { members["key\(index)"] = .int(index) }
        let output = try Template("{{key0}} {{key2}} {{missing}}|{{#key1}}{{key1}}{{/key1}}").render(.dictionary(members))
        #expect(output == "0 2 |1")
    }

    @Test func buildsValuesFromLiterals() throws {
        let value: TemplateValue = [
            "name": "Ann", "count": 2, "ratio": 0.5, "admin": true, "tags": ["a", "b"], "none": nil,
        ]
        let output = try Template("{{name}} {{count}} {{ratio}} {{admin}} {{#tags}}{{.}}{{/tags}} [{{none}}]")
            .render(value)
        #expect(output == "Ann 2 0.5 true ab []")
    }

    @Test func decodesJSON() throws {
        let json = #"{"name": "Ann", "age": 41, "ratio": 0.5, "admin": false, "tags": ["a", null], "team": {"id": 7}}"#
        let value = try JSONDecoder().decode(TemplateValue.self, from: Data(json.utf8))
        let output = try Template("{{name}} {{age}} {{ratio}} {{admin}} {{#tags}}<{{.}}>{{/tags}} {{team.id}}").render(
            value)
        #expect(output == "Ann 41 0.5 false <a><> 7")
    }

    @Test func convertsStandardTypes() throws {
        let value: [String: [Int?]] = ["numbers": [1, nil, 3]]
        #expect(try Template("{{#numbers}}<{{.}}>{{/numbers}}").render(value) == "<1><><3>")
    }
}
