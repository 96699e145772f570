/// One piece of a parsed template; rendering walks these in order.
enum Node: Sendable {
    /// Template text, copied to the output as it is.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(VariableName, escaped: Bool, position: SourcePosition)
    /// `{{#name}}…{{/name}}`.
    case section(SectionNode)
    /// `{{^name}}…{{/name}}`.
    case invertedSection(SectionNode)
    /// `{{>name}}` or `{{>*name}}`.
    case partial(PartialNode)
    /// `{{<name}}…{{/name}}`: renders the parent with this tag's blocks overriding its own.
    case parent(ParentNode)
    /// `{{$name}}…{{/name}}`: content a child may override.
    case block(BlockNode)
}

/// A section or inverted section.
struct SectionNode: Sendable {
    var name: VariableName
    var children: [Node]
    /// The raw template text between the tags, handed to lambdas (mustache spec: ~lambdas.json).
    var innerText: String
    /// The delimiters in force at the section, with which a lambda's result is parsed.
    var delimiters: Delimiters
    var position: SourcePosition
}

/// Which template a partial or parent tag names.
enum PartialReference: Sendable, Equatable {
    /// A name written in the template: checked when a library loads.
    case named(String)
    /// `*name`: the template named by a context value (mustache spec: ~dynamic-names.json).
    case dynamic(VariableName)
}

/// A partial tag.
struct PartialNode: Sendable {
    var reference: PartialReference
    /// The whitespace before a standalone partial tag, prefixed to every line it renders
    /// (mustache spec: partials.json, "Standalone Indentation"); `nil` when inline.
    var indentation: [UInt8]?
    var position: SourcePosition
}

/// A parent tag with the blocks it overrides.
struct ParentNode: Sendable {
    var reference: PartialReference
    /// As for partials: the indentation of a standalone parent tag.
    var indentation: [UInt8]?
    /// The blocks written directly inside the parent tag; other content there is ignored.
    var overrides: [String: BlockNode]
    var position: SourcePosition
}

/// A block tag.
struct BlockNode: Sendable {
    var name: String
    /// The default content, with its own indentation removed when the block is standalone.
    var children: [Node]
    /// For a standalone block, the indentation its content is rendered with wherever it is
    /// expanded (mustache spec: ~inheritance.json, "Block reindentation"); `nil` when inline.
    var indentation: [UInt8]?
    var position: SourcePosition
}
