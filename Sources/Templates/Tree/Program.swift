/// A node tree flattened for rendering: plain instructions that index into side tables.
///
/// Instructions hold only integers, so walking them costs no reference counting; a section's
/// children are the instructions after it up to its `end`. Built once per template by
/// ``ProgramBuilder``.
final class Program: Sendable {
    enum Instruction {
        /// Copy `text[range]`.
        case text(Range<Int>)
        /// Interpolate `names[name]`.
        case variable(name: Int, isEscaped: Bool)
        /// Section over `names[name]`; `sections[section]` has what a lambda needs.
        case section(name: Int, section: Int, end: Int)
        /// Inverted section over `names[name]`.
        case invertedSection(name: Int, end: Int)
        case partial(Int)
        case parent(Int)
        case block(Int)
    }

    /// What a section keeps for lambdas and errors.
    struct SectionSite: Sendable {
        var innerText: String
        var delimiters: Delimiters
        var position: SourcePosition
    }

    let instructions: [Instruction]
    /// All template text, end to end.
    let text: [UInt8]
    let names: [VariableName]
    /// Where each name's tag is, parallel to `names`.
    let namePositions: [SourcePosition]
    let sections: [SectionSite]
    let partials: [PartialNode]
    let parents: [ParentProgram]
    let blocks: [BlockProgram]

    init(
        instructions: [Instruction], text: [UInt8], names: [VariableName], namePositions: [SourcePosition],
        sections: [SectionSite], partials: [PartialNode], parents: [ParentProgram], blocks: [BlockProgram]
    ) {
        self.instructions = instructions
        self.text = text
        self.names = names
        self.namePositions = namePositions
        self.sections = sections
        self.partials = partials
        self.parents = parents
        self.blocks = blocks
    }
}

/// A block with its content compiled.
final class BlockProgram: Sendable {
    let name: String
    let content: Program
    /// As ``BlockNode/indentation``.
    let indentation: [UInt8]?
    let position: SourcePosition

    init(name: String, content: Program, indentation: [UInt8]?, position: SourcePosition) {
        self.name = name
        self.content = content
        self.indentation = indentation
        self.position = position
    }
}

/// A parent tag with its overriding blocks compiled.
final class ParentProgram: Sendable {
    let reference: PartialReference
    let indentation: [UInt8]?
    let overrides: [String: BlockProgram]
    let position: SourcePosition

    init(
        reference: PartialReference, indentation: [UInt8]?, overrides: [String: BlockProgram], position: SourcePosition
    ) {
        self.reference = reference
        self.indentation = indentation
        self.overrides = overrides
        self.position = position
    }
}
