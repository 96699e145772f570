/// A parsed Mustache template, ready to render any number of times from any thread.
///
/// Supports the whole Mustache spec, optional modules included: variables escaped by default,
/// `{{{raw}}}` and `{{&raw}}`, dotted names, `{{.}}`, sections, inverted sections, comments,
/// partials with standalone indentation, set delimiters, inheritance (`{{<parent}}` with
/// `{{$block}}`), dynamic names (`{{>*name}}`) and lambdas (``TemplateLambda``).
///
///     let template = try Template("Hello, {{name}}!")
///     let text = try template.render(["name": "<Ann>"])   // "Hello, &lt;Ann&gt;!"
///
/// Parsing does the work once: names are split at dots, standalone lines removed, block
/// indentation measured. Rendering appends to one byte buffer.
public struct Template: Sendable {
    /// How deep sections may nest in a template, and how deep partials, parents, blocks,
    /// sections and lambdas may expand while rendering, before a ``TemplateError`` stops it.
    public static let maximumDepth = 100

    /// The file the template came from, used in errors.
    public let fileName: String?
    let program: Program
    /// The fixed partial and parent names used, for a library to check.
    let references: [ProgramBuilder.Reference]

    /// Parses template source.
    ///
    /// - Parameters:
    ///   - source: the template text.
    ///   - fileName: named in errors, as `fileName:line:column: message`.
    /// - Throws: ``TemplateError`` for unclosed tags or sections, mismatched closing tags,
    ///   invalid set-delimiter tags and empty names.
    public init(_ source: String, fileName: String? = nil) throws(TemplateError) {
        self.fileName = fileName
        var references: [ProgramBuilder.Reference] = []
        do {
            program = ProgramBuilder.compile(try Parser.parse(Array(source.utf8)), references: &references)
        } catch {
            var located = error
            located.file = fileName
            throw located
        }
        self.references = references
    }

    /// Renders the template against a value and returns the text.
    ///
    /// - Parameter partials: the templates partial and parent tags may name; a missing one
    ///   renders as nothing (mustache spec: partials.json).
    public func render(_ value: TemplateValue, partials: [String: Template] = [:]) throws(TemplateError) -> String {
        let output = try run(value, partials: partials, capacity: 4096)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Renders the template against a value, appending UTF-8 to `buffer`.
    ///
    /// Keep one buffer and `removeAll(keepingCapacity: true)` between renders to reuse its storage.
    public func render(_ value: TemplateValue, partials: [String: Template] = [:], into buffer: inout [UInt8])
        throws(TemplateError)
    {
        // A reused buffer's spare room tells how big pages get, so the output rarely regrows.
        let output = try run(value, partials: partials, capacity: buffer.capacity - buffer.count)
        buffer.append(contentsOf: output.bytes)
    }

    private func run(_ value: TemplateValue, partials: [String: Template], capacity: Int) throws(TemplateError)
        -> OutputBuffer
    {
        var renderer = Renderer(root: value, partials: partials, file: fileName, capacity: capacity)
        try renderer.run(program)
        return renderer.output
    }

    /// Renders the template against a page model's ``TemplateRepresentable/templateValue``.
    public func render(_ model: some TemplateRepresentable, partials: [String: Template] = [:])
        throws(TemplateError) -> String
    {
        try render(model.templateValue, partials: partials)
    }

    /// Renders the template against a page model, appending UTF-8 to `buffer`.
    public func render(
        _ model: some TemplateRepresentable, partials: [String: Template] = [:], into buffer: inout [UInt8]
    ) throws(TemplateError) {
        try render(model.templateValue, partials: partials, into: &buffer)
    }
}
