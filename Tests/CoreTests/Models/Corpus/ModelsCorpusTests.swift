import Foundation
import OpenAPI
import Testing
import YAML

@testable import Core

/// Every real schema of ../shared/corpus/openapi becomes tools a provider accepts, and the
/// offline model finds each action when asked for it by name (skipped when the corpus is absent).
@Suite struct ModelsCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus/openapi").standardized

    /// The documents small enough to rank every action against every other in a debug build.
    static func files() -> [String] {
        guard let index = try? String(contentsOf: corpus.appendingPathComponent("index.tsv"), encoding: .utf8) else { return [] }
        return index.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count > 6, let operations = Int(columns[6]), operations <= 250 else { return nil }
            return String(columns[0])
        }
    }

    private static func tools(_ file: String) async throws -> [ToolDescription] {
        let path = corpus.appendingPathComponent(file).path
        let loader = FileSystemSchemaLoader(allowedDirectory: corpus.path)
        let result = OpenAPIImporter().import(data: try loader.load(path), sourceURL: path, loader: loader)
        return try #require(result.document).operations.map { ToolDescription(operation: $0) }
    }

    @Test func corpusIsPresentOrSkippedWithReason() {
        if Self.files().isEmpty {
            print("skipping the OpenAPI corpus for models: \(Self.corpus.path) is absent")
        } else {
            #expect(Self.files().count > 40)
        }
    }

    @Test(arguments: files())
    func everyOperationBecomesAToolAProviderAccepts(file: String) async throws {
        for tool in try await Self.tools(file) {
            #expect(!tool.name.isEmpty && tool.name.count <= 64)
            #expect(
                tool.name.unicodeScalars.allSatisfy {
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
                })
            #expect(Set(tool.parameters.map(\.name)).count == tool.parameters.count, "repeated argument in \(tool.name)")
            let schema = try JSONReader().read(Array(tool.parametersSchema.jsonText().utf8))
            #expect(schema["type"] == .string("object"))
        }
    }

    /// Asked with an action's own name ("List Invoices"), the offline model picks that action for
    /// nearly every document; names that are only a verb ("Search") or repeat across tags are the misses.
    @Test func findsActionsByTheirNames() async throws {
        var asked = 0
        var found = 0
        var misses: [String] = []
        for file in Self.files() {
            let tools = try await Self.tools(file)
            for tool in tools {
                asked += 1
                let chosen: String? =
                    switch OfflineModel().respond(to: [.user(tool.title)], tools: tools) {
                    case .toolCalls(let calls): calls.first?.name
                    case .missingParameters(let request): request.call.name
                    case .text: nil
                    }
                // Titles are unique within a document, so the chosen tool is right when its title matches.
                if let chosen, tools.first(where: { $0.name == chosen })?.title == tool.title {
                    found += 1
                } else if misses.count < 40 {
                    misses.append("\(file): \(tool.title) → \(chosen ?? "none")")
                }
            }
        }
        guard asked > 0 else { return }
        let rate = Double(found) / Double(asked)
        print(
            "offline model found \(found) of \(asked) actions by name (\(Int(rate * 100))%); first misses:\n"
                + misses.joined(separator: "\n"))
        #expect(rate >= 0.95)
    }
}
