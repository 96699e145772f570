import Templates
import Testing

/// Arbitrary template text and data give a result or a typed error, never a crash.
@Suite struct TemplateFuzzTests {
    /// SplitMix64: a small generator with a fixed seed, so a failure reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    static let pieces = [
        "{{", "}}", "{{{", "}}}", "#", "/", "^", ">", "<", "$", "=", "&", "{", "}", "!", "*", ".", " ", "\n",
        "\r\n", "\t", "a", "b", "list", "a.b", "x", "<b>", "'", "\"", "é", "{{=<% %>=}}", "<%", "%>", "{{#a}}",
        "{{/a}}", "{{>p}}", "{{<p}}", "{{$a}}", "{{/p}}", "{{>*a}}", "{{lambda}}", "{{#lambda}}", "{{/lambda}}",
    ]

    static func randomText(_ generator: inout SeededGenerator, pieces count: Int) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
    }

    static func randomValue(_ generator: inout SeededGenerator, depth: Int = 0) -> TemplateValue {
        switch Int.random(in: 0..<(depth > 2 ? 6 : 9), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int.random(in: -5...5, using: &generator))
        case 3: return .double(Double.random(in: -2...2, using: &generator))
        case 4: return .string(randomText(&generator, pieces: Int.random(in: 0...3, using: &generator)))
        case 5: return .html(["p", "a", "<i>"].randomElement(using: &generator) ?? "")
        case 6:
            return .list(
                (0..<Int.random(in: 0...3, using: &generator)).map { _ in randomValue(&generator, depth: depth + 1) })
        default:
            var members: [String: TemplateValue] = [:]
            for key in ["a", "b", "list", "x", "p", "lambda"] where Bool.random(using: &generator) {
                members[key] = randomValue(&generator, depth: depth + 1)
            }
            return .dictionary(members)
        }
    }

    @Test func survivesArbitraryTemplatesAndData() throws {
        var generator = SeededGenerator(state: 20_261_204)
        let echo = TemplateLambda { invocation in .string(invocation.text + "{{a}}") }
        var rendered = 0
        var rejected = 0
        for _ in 0..<3_000 {
            let source = Self.randomText(&generator, pieces: Int.random(in: 1...40, using: &generator))
            let partialSource = Self.randomText(&generator, pieces: Int.random(in: 1...20, using: &generator))
            var data = Self.randomValue(&generator)
            if case .dictionary(var members) = data, Bool.random(using: &generator) {
                members["lambda"] = .lambda(echo)
                data = .dictionary(members)
            }
            do {
                let template = try Template(source)
                let partials = ["p": try Template(partialSource), "a": template]
                _ = try template.render(data, partials: partials)
                rendered += 1
            } catch {
                // Only a typed error may come out; reaching here without a trap is the point.
                #expect(!error.description.isEmpty)
                rejected += 1
            }
        }
        #expect(rendered + rejected == 3_000)
        // Both outcomes occur, so the generator exercises the renderer and the error paths.
        #expect(rendered > 100)
        #expect(rejected > 100)
    }
}
