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
    public static let maximumDepth = 200

    /// The file the template came from, used in errors.
    public let fileName: String?
    let nodes: [Node]

    /// Parses template source.
    ///
    /// - Parameters:
    ///   - source: the template text.
    ///   - fileName: named in errors, as `fileName:line:column: message`.
    /// - Throws: ``TemplateError`` for unclosed tags or sections, mismatched closing tags,
    ///   invalid set-delimiter tags and empty names.
    public init(_ source: String, fileName: String? = nil) throws(TemplateError) {
        self.fileName = fileName
        do {
            nodes = try Parser.parse(Array(source.utf8))
        } catch {
            var located = error
            located.file = fileName
            throw located
        }
    }

    /// Renders the template against a value and returns the text.
    ///
    /// - Parameter partials: the templates partial and parent tags may name; a missing one
    ///   renders as nothing (mustache spec: partials.json).
    public func render(_ value: TemplateValue, partials: [String: Template] = [:]) throws(TemplateError) -> String {
        var output: [UInt8] = []
        try render(value, partials: partials, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Renders the template against a value, appending UTF-8 to `buffer`.
    ///
    /// Keep one buffer and `removeAll(keepingCapacity: true)` between renders to reuse its storage.
    public func render(_ value: TemplateValue, partials: [String: Template] = [:], into buffer: inout [UInt8])
        throws(TemplateError)
    {
        var renderer = Renderer(root: value, partials: partials, file: fileName)
        swap(&renderer.output, &buffer)
        defer { swap(&renderer.output, &buffer) }
        try renderer.render(nodes)
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
