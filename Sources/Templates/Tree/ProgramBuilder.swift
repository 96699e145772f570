/// Flattens a node tree into a ``Program``, noting the fixed partial and parent names it uses.
struct ProgramBuilder {
    /// A partial or parent tag naming another template by a fixed name.
    struct Reference: Sendable {
        var name: String
        var position: SourcePosition
    }

    private var instructions: [Program.Instruction] = []
    private var text: [UInt8] = []
    private var names: [VariableName] = []
    private var namePositions: [SourcePosition] = []
    private var sections: [Program.SectionSite] = []
    private var partials: [PartialNode] = []
    private var parents: [ParentProgram] = []
    private var blocks: [BlockProgram] = []

    /// Compiles `nodes`; fixed names of partials and parents, nested ones included, go to `references`.
    static func compile(_ nodes: [Node], references: inout [Reference]) -> Program {
        var builder = ProgramBuilder()
        builder.append(nodes, references: &references)
        return Program(
            instructions: builder.instructions, text: builder.text, names: builder.names,
            namePositions: builder.namePositions, sections: builder.sections, partials: builder.partials,
            parents: builder.parents, blocks: builder.blocks)
    }

    private mutating func append(_ nodes: [Node], references: inout [Reference]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                appendText(bytes)
            case .variable(let variable):
                instructions.append(
                    .variable(name: addName(variable.name, at: variable.position), isEscaped: variable.isEscaped))
            case .section(let section):
                sections.append(
                    Program.SectionSite(
                        innerText: section.innerText, delimiters: section.delimiters, position: section.position))
                let site = sections.count - 1
                let name = addName(section.name, at: section.position)
                let span = appendChildren(section.children, references: &references)
                instructions[span.start] = .section(name: name, section: site, end: span.end)
            case .invertedSection(let section):
                let name = addName(section.name, at: section.position)
                let span = appendChildren(section.children, references: &references)
                instructions[span.start] = .invertedSection(name: name, end: span.end)
            case .partial(let partial):
                if case .named(let name) = partial.reference {
                    references.append(Reference(name: name, position: partial.position))
                }
                partials.append(partial)
                instructions.append(.partial(partials.count - 1))
            case .parent(let parent):
                if case .named(let name) = parent.reference {
                    references.append(Reference(name: name, position: parent.position))
                }
                let overrides = parent.overrides.mapValues { Self.compile($0, references: &references) }
                parents.append(
                    ParentProgram(
                        reference: parent.reference, indentation: parent.indentation, overrides: overrides,
                        position: parent.position))
                instructions.append(.parent(parents.count - 1))
            case .block(let block):
                blocks.append(Self.compile(block, references: &references))
                instructions.append(.block(blocks.count - 1))
            }
        }
    }

    /// Appends a placeholder for a section followed by its children; returns where the
    /// placeholder is and where the children end, for the caller to fill the placeholder in.
    private mutating func appendChildren(_ children: [Node], references: inout [Reference]) -> (start: Int, end: Int) {
        let start = instructions.count
        instructions.append(.text(0..<0))
        append(children, references: &references)
        return (start, instructions.count)
    }

    private static func compile(_ block: BlockNode, references: inout [Reference]) -> BlockProgram {
        BlockProgram(
            name: block.name, content: compile(block.children, references: &references),
            indentation: block.indentation, position: block.position)
    }

    /// Appends text; the parser has already merged neighbouring text into one node.
    private mutating func appendText(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        instructions.append(.text(text.count..<(text.count + bytes.count)))
        text.append(contentsOf: bytes)
    }

    private mutating func addName(_ name: VariableName, at position: SourcePosition) -> Int {
        names.append(name)
        namePositions.append(position)
        return names.count - 1
    }
}

extension Program {
    /// Parses and compiles template text met while rendering (a lambda's result), where partial
    /// names are not checked ahead.
    static func parse(_ source: String, delimiters: Delimiters) throws(TemplateError) -> Program {
        var references: [ProgramBuilder.Reference] = []
        return ProgramBuilder.compile(
            try Parser.parse(Array(source.utf8), delimiters: delimiters), references: &references)
    }
}
