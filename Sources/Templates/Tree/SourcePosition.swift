/// A 1-based line and column (in characters) in a template's source.
struct SourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}
