/// What a ``TemplateLambda`` receives: the section's raw text and the context to render against.
public struct LambdaInvocation {
    /// The template text between the section's tags, unrendered; empty for `{{name}}`.
    public let text: String
    /// A copy of the renderer at the lambda's tag.
    let renderer: Renderer
    /// The delimiters in force at the tag.
    let delimiters: Delimiters

    /// Renders template text against the context at the lambda's tag, with the delimiters in
    /// force there, and returns the output (variables escaped as usual).
    public func render(_ template: String) throws(TemplateError) -> String {
        // Each call writes its own output: the buffer is a class shared by copies of the renderer.
        var renderer = renderer.detached()
        try renderer.expand(
            try Program.parse(template, delimiters: delimiters), nil, indentation: nil,
            at: SourcePosition(line: 0, column: 0))
        return String(decoding: renderer.output.bytes, as: UTF8.self)
    }
}
