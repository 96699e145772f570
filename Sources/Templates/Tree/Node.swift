/// One piece of a parsed template; rendering walks these in order.
///
/// Compound payloads are final classes so walking the tree retains one reference per node
/// rather than each of its fields.
enum Node: Sendable {
    /// Template text, copied to the output as it is.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(VariableNode)
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

/// An interpolation tag.
final class VariableNode: Sendable {
    let name: VariableName
    let isEscaped: Bool
    let position: SourcePosition

    init(name: VariableName, isEscaped: Bool, position: SourcePosition) {
        self.name = name
        self.isEscaped = isEscaped
        self.position = position
    }
}

/// A section or inverted section.
final class SectionNode: Sendable {
    let name: VariableName
    let children: [Node]
    /// The raw template text between the tags, handed to lambdas (mustache spec: ~lambdas.json).
    let innerText: String
    /// The delimiters in force at the section, with which a lambda's result is parsed.
    let delimiters: Delimiters
    let position: SourcePosition

    init(name: VariableName, children: [Node], innerText: String, delimiters: Delimiters, position: SourcePosition) {
        self.name = name
        self.children = children
        self.innerText = innerText
        self.delimiters = delimiters
        self.position = position
    }

    /// The same section with other children.
    func replacing(children: [Node]) -> SectionNode {
        SectionNode(name: name, children: children, innerText: innerText, delimiters: delimiters, position: position)
    }
}

/// Which template a partial or parent tag names.
enum PartialReference: Sendable, Equatable {
    /// A name written in the template: checked when a library loads.
    case named(String)
    /// `*name`: the template named by a context value (mustache spec: ~dynamic-names.json).
    case dynamic(VariableName)
}

/// A partial tag.
final class PartialNode: Sendable {
    let reference: PartialReference
    /// The whitespace before a standalone partial tag, prefixed to every line it renders
    /// (mustache spec: partials.json, "Standalone Indentation"); `nil` when inline.
    let indentation: [UInt8]?
    let position: SourcePosition

    init(reference: PartialReference, indentation: [UInt8]?, position: SourcePosition) {
        self.reference = reference
        self.indentation = indentation
        self.position = position
    }
}

/// A parent tag with the blocks it overrides.
final class ParentNode: Sendable {
    let reference: PartialReference
    /// As for partials: the indentation of a standalone parent tag.
    let indentation: [UInt8]?
    /// The blocks written directly inside the parent tag; other content there is ignored.
    let overrides: [String: BlockNode]
    let position: SourcePosition

    init(reference: PartialReference, indentation: [UInt8]?, overrides: [String: BlockNode], position: SourcePosition) {
        self.reference = reference
        self.indentation = indentation
        self.overrides = overrides
        self.position = position
    }
}

/// A block tag.
final class BlockNode: Sendable {
    let name: String
    /// The default content, with its own indentation removed when the block is standalone.
    let children: [Node]
    /// For a standalone block, the indentation its content is rendered with wherever it is
    /// expanded (mustache spec: ~inheritance.json, "Block reindentation"); `nil` when inline.
    let indentation: [UInt8]?
    let position: SourcePosition

    init(name: String, children: [Node], indentation: [UInt8]?, position: SourcePosition) {
        self.name = name
        self.children = children
        self.indentation = indentation
        self.position = position
    }
}
