import CYAML

/// Reads a YAML stream into `OrderedValue`s, the same values `JSONReader` produces.
///
/// Parsing is done by libyaml's event API; values follow the YAML 1.2 core schema
/// (YAML 1.2.2 §10.3.2): plain `null`, `~` and empty scalars are null, `true`/`false` booleans,
/// decimal, `0o` octal and `0x` hex integers, floats including `.inf` and `.nan`; quoted and block
/// scalars are strings. Aliases are expanded, with `maximumAliasExpansion` capping how many nodes
/// expansion may add in total (a guard against "billion laughs" documents). Merge keys (`<<`,
/// YAML 1.1 merge type) are applied; explicitly written keys win over merged ones.
///
/// ```swift
/// let documents = try YAMLReader().readDocuments(Array("a: [1, two]\n".utf8))
/// documents.first?["a"]  // .array([.int(1), .string("two")])
/// ```
public struct YAMLReader: Sendable {
    /// The most nodes alias expansion may add across the whole stream.
    public var maximumAliasExpansion: Int
    /// The deepest nesting of sequences and mappings accepted.
    public var maximumDepth: Int

    /// Creates a reader.
    public init(maximumAliasExpansion: Int = 1_000_000, maximumDepth: Int = 512) {
        self.maximumAliasExpansion = maximumAliasExpansion
        self.maximumDepth = maximumDepth
    }

    /// Reads every document of the stream, in order; an empty stream gives no documents.
    public func readDocuments(_ bytes: [UInt8]) throws(YAMLReadError) -> [OrderedValue] {
        var builder = YAMLValueBuilder(maximumAliasExpansion: maximumAliasExpansion, maximumDepth: maximumDepth)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLReadError(message: "could not initialise the YAML parser", line: 1, column: 1)
        }
        defer { yaml_parser_delete(&parser) }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLReadError) -> [OrderedValue] in
            guard let base = buffer.baseAddress else { return [] }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw Self.parserError(parser)
                }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                do throws(YAMLBuildProblem) {
                    if try builder.handle(event) { break }
                } catch {
                    throw YAMLReadError(message: error.message, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                }
            }
            return builder.documents
        }
    }

    private static func parserError(_ parser: yaml_parser_t) -> YAMLReadError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) + ": " } ?? ""
        let mark = parser.problem_mark
        return YAMLReadError(message: context + problem, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
