import Foundation
import OpenAPI

/// Helpers shared by the OpenAPI test suites.
enum TestSupport {
    /// Imports a document given as text.
    static func importText(_ text: String, sourceURL: String? = nil, loader: (any SchemaLoader)? = nil) -> ImportResult {
        OpenAPIImporter().import(data: Array(text.utf8), sourceURL: sourceURL, loader: loader)
    }

    /// Imports a document, requiring that it is usable.
    static func document(_ text: String, sourceURL: String? = nil) throws -> (APIDocument, [Diagnostic]) {
        let result = importText(text, sourceURL: sourceURL)
        let document = try #require(result.document, "import failed: \(String(describing: result.failure))")
        return (document, result.diagnostics)
    }

    /// The folder of fixtures copied into the test bundle.
    static var fixtures: URL {
        get throws { try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures") }
    }

    /// ../shared/corpus/openapi, when present.
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/openapi").standardized
}

import Testing
