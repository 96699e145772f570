extension Template {
    /// A partial or parent tag naming another template by a fixed name.
    struct Reference {
        var name: String
        var position: SourcePosition
    }

    /// Every fixed-name partial and parent tag in the template, in source order; dynamic
    /// names (`{{>*name}}`) are left out since only rendering knows them.
    var references: [Reference] {
        var found: [Reference] = []
        Self.collectReferences(in: nodes, into: &found)
        return found
    }

    private static func collectReferences(in nodes: [Node], into found: inout [Reference]) {
        for node in nodes {
            switch node {
            case .text, .variable:
                break
            case .section(let section), .invertedSection(let section):
                collectReferences(in: section.children, into: &found)
            case .partial(let partial):
                if case .named(let name) = partial.reference {
                    found.append(Reference(name: name, position: partial.position))
                }
            case .parent(let parent):
                if case .named(let name) = parent.reference {
                    found.append(Reference(name: name, position: parent.position))
                }
                for block in parent.overrides.values.sorted(by: { $0.position.line < $1.position.line }) {
                    collectReferences(in: block.children, into: &found)
                }
            case .block(let block):
                collectReferences(in: block.children, into: &found)
            }
        }
    }
}
