/// Runs a compiled template and appends the output to one growing byte buffer.
///
/// The context stack holds the values sections have entered, innermost last; a section pushes
/// its value for its children and pops it after. Names are looked up from the top down
/// (mustache spec: interpolation.json and sections.json, "Context Precedence" and "Dotted Names").
struct Renderer {
    /// The output so far.
    var output: OutputBuffer
    /// The values sections have entered, the innermost last.
    var stack: [TemplateValue]
    /// The templates partial and parent tags may name.
    let partials: [String: Template]
    /// The blocks the enclosing parent tags override, by name; the outermost definition wins.
    var overrides: [String: BlockProgram] = [:]
    /// Prefixed to each line of template text while standalone partials and blocks render.
    var indentation: [UInt8] = []
    /// Set after template text ends a line inside an indented partial: the next output starts
    /// with the indentation (mustache spec: partials.json, "Standalone Indentation").
    var pendingIndentation = false
    /// How many partials, parents, blocks, sections and lambdas enclose the current instruction.
    var depth = 0
    /// The file of the template being rendered, for errors.
    var file: String?

    init(root: TemplateValue, partials: [String: Template], file: String?, capacity: Int = 4096) {
        output = OutputBuffer(capacity: capacity)
        stack = [root]
        self.partials = partials
        self.file = file
    }

    /// Runs the instructions of `program` in `range` (all of them by default).
    mutating func run(_ program: Program, _ range: Range<Int>? = nil) throws(TemplateError) {
        // Read once: each access through the class would otherwise retain and release the array.
        let instructions = program.instructions
        let range = range ?? instructions.indices
        var index = range.lowerBound
        while index < range.upperBound {
            switch instructions[index] {
            case .text(let bytes):
                writeTemplateText(program.text, bytes)
            case .variable(let name, let isEscaped):
                if let value = lookup(program.names[name]) {
                    if case .lambda(let lambda) = value {
                        try renderLambda(lambda, escaped: isEscaped, at: program.namePositions[name])
                    } else {
                        write(value, escaped: isEscaped)
                    }
                }
            case .section(let name, let section, let end):
                if let value = lookup(program.names[name]) {
                    if case .lambda(let lambda) = value {
                        try renderLambda(
                            lambda, section: program.sections[section], program: program, children: (index + 1)..<end)
                    } else {
                        try renderSection(program, (index + 1)..<end, value: value, at: program.namePositions[name])
                    }
                }
                index = end
                continue
            case .invertedSection(let name, let end):
                // A lambda counts as truthy here and is not called (mustache spec: ~lambdas.json).
                if !(lookup(program.names[name])?.isTruthy ?? false) {
                    try expand(program, (index + 1)..<end, indentation: nil, at: program.namePositions[name])
                }
                index = end
                continue
            case .partial(let partial):
                try renderPartial(program.partials[partial])
            case .parent(let parent):
                try renderParent(program.parents[parent])
            case .block(let block):
                try renderBlock(program.blocks[block])
            }
            index += 1
        }
    }

    /// Renders a section's children once per list element, or once with a truthy value on the stack.
    mutating func renderSection(
        _ program: Program, _ children: Range<Int>, value: TemplateValue, at position: SourcePosition
    ) throws(TemplateError) {
        switch value {
        case .list(let elements):
            for element in elements.indices {
                stack.append(elements[element])
                try expand(program, children, indentation: nil, at: position)
                stack.removeLast()
            }
        default:
            guard value.isTruthy else { return }
            stack.append(value)
            try expand(program, children, indentation: nil, at: position)
            stack.removeLast()
        }
    }

    /// Renders a partial in place; a missing one renders nothing (mustache spec: partials.json, "Failed Lookup").
    mutating func renderPartial(_ partial: PartialNode) throws(TemplateError) {
        guard let template = template(for: partial.reference) else { return }
        let enclosingFile = file
        file = template.fileName
        try expand(template.program, nil, indentation: partial.indentation, at: partial.position)
        file = enclosingFile
    }

    /// Runs nested instructions one level deeper, with extra indentation when a standalone tag asked for it.
    mutating func expand(
        _ program: Program, _ range: Range<Int>?, indentation extra: [UInt8]?, at position: SourcePosition
    ) throws(TemplateError) {
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
            try run(program, range)
            indentation = enclosing
        } else {
            try run(program, range)
        }
        depth -= 1
    }

    // MARK: - Lookup

    /// The value a name resolves to, or `nil` on a miss.
    func lookup(_ name: VariableName) -> TemplateValue? {
        guard let first = name.components.first else { return stack.last }
        var found: TemplateValue?
        var index = stack.count - 1
        while index >= 0 {
            if let value = stack[index].member(first) {
                found = value
                break
            }
            index -= 1
        }
        // After the first part, each part is looked up only in the value before it.
        for component in name.components.dropFirst() {
            found = found?.member(component)
        }
        return found
    }

    /// The template a partial or parent tag names, if there is one.
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

    /// Appends `text[range]`, indenting the lines of standalone partials and blocks.
    mutating func writeTemplateText(_ text: [UInt8], _ range: Range<Int>) {
        guard !indentation.isEmpty else {
            text.withUnsafeBufferPointer { output.append(UnsafeBufferPointer(rebasing: $0[range])) }
            return
        }
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            let lineEnd =
                (text[lineStart..<range.upperBound].firstIndex(of: UInt8(ascii: "\n")) ?? range.upperBound - 1) + 1
            beginOutput()
            text.withUnsafeBufferPointer { output.append(UnsafeBufferPointer(rebasing: $0[lineStart..<lineEnd])) }
            if text[lineEnd - 1] == UInt8(ascii: "\n") { pendingIndentation = true }
            lineStart = lineEnd
        }
    }

    /// Writes any indentation a new line is waiting for.
    mutating func beginOutput() {
        guard pendingIndentation else { return }
        pendingIndentation = false
        output.append(indentation)
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
