/// Walks a node tree and appends the output to one growing byte buffer.
///
/// The context stack holds the values sections have entered, innermost last; a section pushes
/// its value for its children and pops it after. Names are looked up from the top down
/// (mustache spec: interpolation.json and sections.json, "Context Precedence" and "Dotted Names").
struct Renderer {
    /// The output so far.
    var output: [UInt8] = []
    /// The values sections have entered, the innermost last.
    var stack: [TemplateValue]
    /// The templates partial and parent tags may name.
    let partials: [String: Template]
    /// The blocks the enclosing parent tags override, by name; the outermost definition wins.
    var overrides: [String: BlockNode] = [:]
    /// Prefixed to each line of template text while standalone partials and blocks render.
    var indentation: [UInt8] = []
    /// Set after template text ends a line inside an indented partial: the next output starts
    /// with the indentation (mustache spec: partials.json, "Standalone Indentation").
    var pendingIndentation = false
    /// How many partials, parents, blocks, sections and lambdas enclose the current node.
    var depth = 0
    /// The file of the template being rendered, for errors.
    var file: String?

    init(root: TemplateValue, partials: [String: Template], file: String?) {
        stack = [root]
        self.partials = partials
        self.file = file
    }

    mutating func render(_ nodes: [Node]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                writeTemplateText(bytes)
            case .variable(let name, let escaped, let position):
                guard let value = lookup(name) else { continue }
                if case .lambda(let lambda) = value {
                    try renderLambda(lambda, escaped: escaped, at: position)
                } else {
                    write(value, escaped: escaped)
                }
            case .section(let section):
                guard let value = lookup(section.name) else { continue }
                if case .lambda(let lambda) = value {
                    try renderLambda(lambda, section: section)
                } else {
                    try renderSection(section, value: value)
                }
            case .invertedSection(let section):
                // A lambda counts as truthy here and is not called (mustache spec: ~lambdas.json).
                guard !(lookup(section.name)?.isTruthy ?? false) else { continue }
                try expand(section.children, indentation: nil, at: section.position)
            case .partial(let partial):
                guard let template = template(for: partial.reference) else { continue }
                let enclosingFile = file
                file = template.fileName
                try expand(template.nodes, indentation: partial.indentation, at: partial.position)
                file = enclosingFile
            case .parent(let parent):
                try renderParent(parent)
            case .block(let block):
                try renderBlock(block)
            }
        }
    }

    /// Renders a section's children once per list element, or once with a truthy value on the stack.
    mutating func renderSection(_ section: SectionNode, value: TemplateValue) throws(TemplateError) {
        switch value {
        case .list(let elements):
            for element in elements {
                stack.append(element)
                try expand(section.children, indentation: nil, at: section.position)
                stack.removeLast()
            }
        default:
            guard value.isTruthy else { return }
            stack.append(value)
            try expand(section.children, indentation: nil, at: section.position)
            stack.removeLast()
        }
    }

    /// Renders nested content one level deeper, with extra indentation when a standalone tag asked for it.
    mutating func expand(_ nodes: [Node], indentation extra: [UInt8]?, at position: SourcePosition)
        throws(TemplateError)
    {
        guard depth < Template.maximumDepth else {
            throw TemplateError(
                .recursionTooDeep(limit: Template.maximumDepth), file: file, line: position.line,
                column: position.column)
        }
        depth += 1
        if let extra {
            let enclosing = indentation
            indentation += extra
            pendingIndentation = !indentation.isEmpty
            try render(nodes)
            indentation = enclosing
        } else {
            try render(nodes)
        }
        depth -= 1
    }

    // MARK: - Lookup

    /// The value a name resolves to, or `nil` on a miss.
    func lookup(_ name: VariableName) -> TemplateValue? {
        guard let first = name.components.first else { return stack.last }
        var found: TemplateValue?
        for frame in stack.reversed() {
            if case .dictionary(let members) = frame, let value = members[first] {
                found = value
                break
            }
        }
        // After the first part, each part is looked up only in the value before it: a member
        // of a dictionary, or a 0-based position in a list (`{{#items.0}}`, as mustache.js reads it).
        for component in name.components.dropFirst() {
            switch found {
            case .dictionary(let members):
                found = members[component]
            case .list(let elements):
                guard let position = Int(component), elements.indices.contains(position) else { return nil }
                found = elements[position]
            default:
                return nil
            }
        }
        return found
    }

    /// The template a partial or parent tag names; `nil` renders nothing (mustache spec: partials.json, "Failed Lookup").
    func template(for reference: PartialReference) -> Template? {
        switch reference {
        case .named(let name):
            return partials[name]
        case .dynamic(let name):
            switch lookup(name) {
            case .string(let text), .html(let text): return partials[text]
            default: return nil
            }
        }
    }

    // MARK: - Output

    /// Appends template text, indenting the lines of standalone partials and blocks.
    mutating func writeTemplateText(_ bytes: [UInt8]) {
        guard !indentation.isEmpty else {
            output.append(contentsOf: bytes)
            return
        }
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = (bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1
            beginOutput()
            output.append(contentsOf: bytes[lineStart..<lineEnd])
            if bytes[lineEnd - 1] == UInt8(ascii: "\n") { pendingIndentation = true }
            lineStart = lineEnd
        }
    }

    /// Writes any indentation a new line is waiting for.
    mutating func beginOutput() {
        guard pendingIndentation else { return }
        pendingIndentation = false
        output.append(contentsOf: indentation)
    }

    /// Interpolates a value: strings escaped unless `escaped` is false, already-safe HTML as it is.
    mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            guard !text.isEmpty else { return }
            beginOutput()
            if escaped { output.appendEscapingHTML(text) } else { output.appendUTF8(text) }
        case .html(let text):
            guard !text.isEmpty else { return }
            beginOutput()
            output.appendUTF8(text)
        case .int(let number):
            beginOutput()
            output.appendDecimal(number)
        case .double(let number):
            beginOutput()
            // Integral values print as integers, as JSON would have written them.
            if number.rounded() == number, abs(number) < 1e15 {
                output.appendDecimal(Int(number))
            } else {
                output.appendUTF8(number.description)
            }
        case .bool(let flag):
            beginOutput()
            output.appendUTF8(flag ? "true" : "false")
        case .null, .list, .dictionary, .lambda:
            break
        }
    }
}
