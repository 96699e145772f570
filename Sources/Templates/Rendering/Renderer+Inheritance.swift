extension Renderer {
    /// Renders a parent template with this tag's blocks added to the overrides in force.
    ///
    /// Overrides already in force win: a child's block beats its parent's beat its grandparent's
    /// (mustache spec: ~inheritance.json, "Multi-level inheritance", "Recursion").
    mutating func renderParent(_ parent: ParentProgram) throws(TemplateError) {
        guard let template = template(for: parent.reference) else { return }
        let enclosingOverrides = overrides
        let enclosingFile = file
        overrides.merge(parent.overrides) { inForce, _ in inForce }
        file = template.fileName
        try expand(template.program, nil, indentation: parent.indentation, at: parent.position)
        overrides = enclosingOverrides
        file = enclosingFile
    }

    /// Renders the overriding content of a block, or its default content, at the block's place.
    mutating func renderBlock(_ block: BlockProgram) throws(TemplateError) {
        let content = overrides[block.name]?.content ?? block.content
        try expand(content, nil, indentation: block.indentation, at: block.position)
    }
}
