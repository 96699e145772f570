extension Renderer {
    /// `{{name}}` naming a lambda: its string result is rendered with the default delimiters, then escaped.
    mutating func renderLambda(_ lambda: TemplateLambda, escaped: Bool, at position: SourcePosition)
        throws(TemplateError)
    {
        switch try call(lambda, text: "", delimiters: .standard, at: position) {
        case .string(let source):
            var inner = detached()
            try inner.expand(try Program.parse(source, delimiters: .standard), nil, indentation: nil, at: position)
            guard !inner.output.isEmpty else { return }
            beginOutput()
            if escaped { output.appendEscapingHTML(inner.output.bytes) } else { output.append(inner.output.bytes) }
        case let result:
            write(result, escaped: escaped)
        }
    }

    /// `{{#name}}` naming a lambda: its string result is rendered in place with the section's delimiters.
    mutating func renderLambda(
        _ lambda: TemplateLambda, section: Program.SectionSite, program: Program, children: Range<Int>
    )
        throws(TemplateError)
    {
        switch try call(lambda, text: section.innerText, delimiters: section.delimiters, at: section.position) {
        case .string(let source):
            try expand(
                try Program.parse(source, delimiters: section.delimiters), nil, indentation: nil, at: section.position)
        case .html(let text):
            write(.html(text), escaped: false)
        case .lambda:
            break
        case let result:
            try renderSection(program, children, value: result, at: section.position)
        }
    }

    private func call(_ lambda: TemplateLambda, text: String, delimiters: Delimiters, at position: SourcePosition)
        throws(TemplateError) -> TemplateValue
    {
        guard depth < Template.maximumDepth else {
            throw TemplateError(
                .recursionTooDeep(limit: Template.maximumDepth), file: file, line: position.line,
                column: position.column)
        }
        let invocation = LambdaInvocation(text: text, renderer: self, delimiters: delimiters)
        do {
            return try lambda.body(invocation)
        } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError(
                .lambdaFailed(message: "\(error)"), file: file, line: position.line, column: position.column)
        }
    }

    /// A copy with its own empty output and no indentation, rendering against the same context.
    func detached() -> Renderer {
        var copy = self
        copy.output = OutputBuffer(capacity: 256)
        copy.indentation = []
        copy.pendingIndentation = false
        return copy
    }
}
