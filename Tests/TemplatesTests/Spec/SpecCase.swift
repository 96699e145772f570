import Foundation
import Templates
import Testing

/// One test of the Mustache spec (Tests/TemplatesTests/Fixtures/mustache-spec, MIT).
struct SpecCase: Decodable, Sendable, CustomTestStringConvertible {
    var file = ""
    var name: String
    var template: String
    var partials: [String: String]?
    var expected: String
    var data: JSONData

    /// The data, kept as a Sendable wrapper so cases can be test arguments.
    struct JSONData: Decodable, Sendable {
        var value: TemplateValue
        init(from decoder: any Decoder) throws { value = try TemplateValue(from: decoder) }
    }

    private enum CodingKeys: String, CodingKey { case name, template, partials, expected, data }

    var testDescription: String { "\(file): \(name)" }

    private struct SpecFile: Decodable { var tests: [SpecCase] }

    /// The spec files: the six required modules and the three optional ones (names start with `~`).
    static let requiredFiles = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]
    static let optionalFiles = ["~inheritance", "~dynamic-names", "~lambdas"]

    /// Every case of one spec file, or none when the fixture cannot be read (the count test then fails).
    static func load(_ file: String) -> [SpecCase] {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/mustache-spec"),
            let data = try? Data(contentsOf: folder.appendingPathComponent(file + ".json")),
            let decoded = try? JSONDecoder().decode(SpecFile.self, from: data)
        else { return [] }
        return decoded.tests.map { test in
            var test = test
            test.file = file
            return test
        }
    }

    static let required = requiredFiles.flatMap(load)
    static let optional = optionalFiles.flatMap(load)
}
