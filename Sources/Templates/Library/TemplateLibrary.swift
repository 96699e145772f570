import Foundation
import Synchronization

/// Every template of a views folder, parsed and cross-checked once, rendered by name.
///
/// The folder holds `layouts/`, `partials/` and `<area>/<page>.mustache`; a template's name is
/// its path relative to the folder without the extension (`"layouts/app"`, `"partials/flash"`,
/// `"settings/members"`), and partial and parent tags name templates the same way
/// (`{{> partials/flash}}`, `{{< layouts/app}}`).
///
///     let views = try TemplateLibrary(directory: URL(fileURLWithPath: "Views"))
///     let html = try views.render("settings/members", page)
///
/// Loading parses every template and checks every fixed partial and parent name, so a broken
/// view stops the start with `file:line:column: message`. With `reloadsChangedFiles` (for
/// development) each render first compares the files' modification times and reloads what
/// changed, throwing the same errors a start would.
public final class TemplateLibrary: Sendable {
    /// The views folder, or `nil` for a library built from sources in memory.
    public let directory: URL?
    /// Whether each render reloads files changed since the last load.
    public let reloadsChangedFiles: Bool
    /// The templates and the files they came from; replaced whole on reload.
    private let loaded: Mutex<LoadedTemplates>

    /// Loads and checks every `.mustache` file under `directory`.
    ///
    /// - Throws: ``TemplateError`` naming the file, line and column of the first broken template
    ///   or unknown partial, or ``TemplateError/Kind/unreadableFile(message:)``.
    public init(directory: URL, reloadsChangedFiles: Bool = false) throws(TemplateError) {
        self.directory = directory
        self.reloadsChangedFiles = reloadsChangedFiles
        let files = try LoadedTemplates.scan(directory)
        loaded = Mutex(try LoadedTemplates.empty.updated(with: files, from: directory))
    }

    /// Parses and checks templates given as source text by name (`"layouts/app": "…"`).
    public init(sources: [String: String]) throws(TemplateError) {
        directory = nil
        reloadsChangedFiles = false
        var templates: [String: Template] = [:]
        for (name, source) in sources {
            templates[name] = try Template(source, fileName: name)
        }
        let loaded = LoadedTemplates(templates: templates, files: [:])
        try loaded.checkReferences()
        self.loaded = Mutex(loaded)
    }

    /// The names of all templates, sorted.
    public var names: [String] {
        loaded.withLock { $0.templates.keys.sorted() }
    }

    /// Renders the template `name` against a value.
    ///
    /// - Throws: ``TemplateError/Kind/unknownTemplate(name:)``, errors raised while rendering
    ///   (recursion too deep, a failing lambda) and, when reloading, load errors.
    public func render(_ name: String, _ value: TemplateValue) throws(TemplateError) -> String {
        let (template, templates) = try template(named: name)
        return try template.render(value, partials: templates)
    }

    /// Renders the template `name` against a value, appending UTF-8 to `buffer`.
    public func render(_ name: String, _ value: TemplateValue, into buffer: inout [UInt8]) throws(TemplateError) {
        let (template, templates) = try template(named: name)
        try template.render(value, partials: templates, into: &buffer)
    }

    /// The template `name` and all templates its partials may name.
    private func template(named name: String) throws(TemplateError) -> (Template, [String: Template]) {
        let templates = try currentTemplates()
        guard let template = templates[name] else { throw TemplateError(.unknownTemplate(name: name)) }
        return (template, templates)
    }

    /// Renders the template `name` against a page model's ``TemplateRepresentable/templateValue``.
    public func render(_ name: String, _ model: some TemplateRepresentable) throws(TemplateError) -> String {
        try render(name, model.templateValue)
    }

    /// Renders the template `name` against a page model, appending UTF-8 to `buffer`.
    public func render(_ name: String, _ model: some TemplateRepresentable, into buffer: inout [UInt8])
        throws(TemplateError)
    {
        try render(name, model.templateValue, into: &buffer)
    }

    /// The templates to render with, reloaded first when files changed and reloading is on.
    private func currentTemplates() throws(TemplateError) -> [String: Template] {
        guard reloadsChangedFiles, let directory else { return loaded.withLock { $0.templates } }
        let files = try LoadedTemplates.scan(directory)
        let current = loaded.withLock { $0 }
        guard files != current.files else { return current.templates }
        let updated = try current.updated(with: files, from: directory)
        loaded.withLock { $0 = updated }
        return updated.templates
    }
}
