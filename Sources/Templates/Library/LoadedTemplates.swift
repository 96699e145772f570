import Foundation

/// A library's templates at one moment, with the modification times of the files they came from.
struct LoadedTemplates: Sendable {
    /// Templates by name (relative path without `.mustache`).
    var templates: [String: Template]
    /// Modification times by template name; empty for templates given as source.
    var files: [String: Date]

    static let empty = LoadedTemplates(templates: [:], files: [:])
    static let fileExtension = "mustache"

    /// The `.mustache` files under `directory` and their modification times, by template name.
    static func scan(_ directory: URL) throws(TemplateError) -> [String: Date] {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else {
            throw TemplateError(.unreadableFile(message: "cannot list \(directory.path)"))
        }
        var files: [String: Date] = [:]
        let rootComponents = root.pathComponents
        for case let url as URL in enumerator where url.pathExtension == fileExtension {
            let values: URLResourceValues
            do {
                values = try url.resourceValues(forKeys: Set(keys))
            } catch {
                throw TemplateError(.unreadableFile(message: "\(url.path): \(error.localizedDescription)"))
            }
            guard values.isRegularFile == true else { continue }
            let components = url.standardizedFileURL.resolvingSymlinksInPath().pathComponents
            guard components.starts(with: rootComponents) else { continue }
            let relative = components.dropFirst(rootComponents.count).joined(separator: "/")
            files[String(relative.dropLast(fileExtension.count + 1))] = values.contentModificationDate ?? .distantPast
        }
        return files
    }

    /// These templates brought up to date with `files`: changed and new files parsed, removed
    /// ones dropped, and every reference checked again.
    func updated(with files: [String: Date], from directory: URL) throws(TemplateError) -> LoadedTemplates {
        var next = LoadedTemplates(templates: [:], files: files)
        for (name, modified) in files.sorted(by: { $0.key < $1.key }) {
            if let template = templates[name], self.files[name] == modified {
                next.templates[name] = template
            } else {
                next.templates[name] = try Self.load(name, from: directory)
            }
        }
        try next.checkReferences()
        return next
    }

    private static func load(_ name: String, from directory: URL) throws(TemplateError) -> Template {
        let fileName = name + "." + fileExtension
        let url = directory.appendingPathComponent(fileName)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TemplateError(.unreadableFile(message: error.localizedDescription), file: fileName)
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw TemplateError(.unreadableFile(message: "not UTF-8"), file: fileName)
        }
        return try Template(source, fileName: fileName)
    }

    /// Throws for the first partial or parent tag, in name order, naming a template not held here.
    func checkReferences() throws(TemplateError) {
        for name in templates.keys.sorted() {
            guard let template = templates[name] else { continue }
            for reference in template.references where templates[reference.name] == nil {
                throw TemplateError(
                    .unknownPartial(name: reference.name), file: template.fileName,
                    line: reference.position.line, column: reference.position.column)
            }
        }
    }
}
