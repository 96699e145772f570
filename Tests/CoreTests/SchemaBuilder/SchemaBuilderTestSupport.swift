import Core
import Foundation
import OpenAPI
import Testing

/// Helpers shared by the schema builder suites.
enum SchemaBuilderTestSupport {
    /// Whether Debian's poppler-utils is installed (`scripts/setup.sh` installs it).
    static let pdftotextAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

    /// Whether `python3` can run the local documentation server.
    static let pythonAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    /// Drafts from `pieces` with the built-in drafter and requires a draft that imports with
    /// endpoints and no warnings.
    static func checkedDocument(_ pieces: [DocumentationPiece]) throws -> (SchemaDraft, APIDocument) {
        let checked = try SchemaBuilder().draft(pieces.map(DraftMessage.documentation))
        #expect(checked.problem == nil)
        let document = try #require(checked.importResult.document, "\(checked.draft.jsonText)")
        let warnings = checked.importResult.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.isEmpty, "\(warnings)\n\(checked.draft.jsonText)")
        return (checked.draft, document)
    }

    /// A folder under the temporary directory, removed by `body`'s end.
    static func withTemporaryFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-builder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }
}

extension APIDocument {
    /// The operation at `method` and `path`.
    func operation(_ method: APIOperation.Method, _ path: String) -> APIOperation? {
        operations.first { $0.method == method && $0.pathTemplate == path }
    }
}

extension APIOperation {
    /// The parameter named `name` in `location`.
    func parameter(_ name: String, in location: Parameter.Location) -> Parameter? {
        parameters.first { $0.name == name && $0.location == location }
    }
}
