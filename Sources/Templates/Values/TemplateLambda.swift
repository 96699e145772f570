/// A closure a template calls instead of reading a value (mustache spec: ~lambdas.json).
///
/// The closure receives a ``LambdaInvocation``: the section's raw text (empty for `{{name}}`)
/// and a way to render any template text against the current context. What it returns decides
/// what is written:
/// - `.string(source)`: template source, rendered against the current context (for `{{name}}`
///   with the default delimiters and then escaped; for `{{#name}}` with the section's delimiters);
/// - `.html(text)`: written as it is, neither parsed nor escaped;
/// - any other value: used as the tag's value would have been (interpolated, or for a section
///   repeated, shown or hidden).
///
///     let bold = TemplateLambda { invocation in
///         .html("<b>" + (try invocation.render(invocation.text)) + "</b>")
///     }
///     // {{#bold}}Hi {{name}}{{/bold}} → <b>Hi Ann</b>
///
/// In an inverted section a lambda counts as a truthy value and is not called.
public struct TemplateLambda: Sendable {
    let body: @Sendable (LambdaInvocation) throws -> TemplateValue

    /// Wraps a closure; errors it throws surface as ``TemplateError/Kind/lambdaFailed(message:)``.
    public init(_ body: @escaping @Sendable (LambdaInvocation) throws -> TemplateValue) {
        self.body = body
    }
}
