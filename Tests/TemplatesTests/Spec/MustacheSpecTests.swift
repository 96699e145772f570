import Templates
import Testing

/// The Mustache conformance suite, one argument per case so a failure names it.
@Suite struct MustacheSpecTests {
    @Test func loadsEveryCaseOfTheSpec() {
        #expect(SpecCase.required.count == 136)
        #expect(SpecCase.optional.count == 58)
    }

    @Test(arguments: SpecCase.required)
    func passesRequiredCase(_ test: SpecCase) throws {
        #expect(try render(test) == test.expected)
    }

    @Test(arguments: SpecCase.optional)
    func passesOptionalCase(_ test: SpecCase) throws {
        #expect(try render(test) == test.expected)
    }

    private func render(_ test: SpecCase) throws -> String {
        var data = test.data.value
        if test.file == "~lambdas", case .dictionary(var members) = data {
            let lambda = try #require(SpecLambdas.lambda(for: test.name), "no Swift lambda for '\(test.name)'")
            members["lambda"] = .lambda(lambda)
            data = .dictionary(members)
        }
        var partials: [String: Template] = [:]
        for (name, source) in test.partials ?? [:] {
            partials[name] = try Template(source, fileName: name)
        }
        return try Template(test.template).render(data, partials: partials)
    }
}
