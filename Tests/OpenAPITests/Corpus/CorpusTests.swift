import Foundation
import OpenAPI
import Testing

/// Every document of ../shared/corpus/openapi imports with the operation count index.tsv gives.
@Suite struct CorpusTests {
    struct Entry: CustomTestStringConvertible, Sendable {
        var file: String
        var operations: Int
        var testDescription: String { file }
    }

    static func entries() -> [Entry] {
        guard let index = try? String(contentsOf: TestSupport.corpus.appendingPathComponent("index.tsv"), encoding: .utf8) else {
            return []
        }
        return index.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count > 6, let operations = Int(columns[6]) else { return nil }
            return Entry(file: String(columns[0]), operations: operations)
        }
    }

    @Test func corpusIsPresentOrSkippedWithReason() {
        if Self.entries().isEmpty {
            print("skipping the OpenAPI corpus: \(TestSupport.corpus.path) is absent")
        } else {
            #expect(Self.entries().count == 56)
        }
    }

    @Test(arguments: entries())
    func importsWithTheIndexedOperationCountAndGoodNames(_ entry: Entry) async throws {
        let path = TestSupport.corpus.appendingPathComponent(entry.file).path
        let loader = FileSystemSchemaLoader(allowedDirectory: TestSupport.corpus.path)
        let bytes = try loader.load(path)
        let result = OpenAPIImporter().import(data: bytes, sourceURL: path, loader: loader)
        let document = try #require(result.document, "\(String(describing: result.failure))")
        #expect(document.operations.count == entry.operations)
        let names = document.operations.map(\.name)
        #expect(Set(names.map { $0.lowercased() }).count == names.count, "names are not unique")
        for name in names {
            #expect(!name.isEmpty && name.count <= 64, "bad name \"\(name)\"")
        }
        // Only the multi-file sets and Square reach outside their file; nothing else may warn about loading.
        if !entry.file.hasPrefix("square") {
            #expect(!result.diagnostics.contains { $0.message.hasPrefix("cannot load") })
        }
    }

    @Test func squaresRemoteReferencesAreReportedClearly() async throws {
        let path = TestSupport.corpus.appendingPathComponent("square__api.json").path
        guard FileManager.default.fileExists(atPath: path) else { return }
        let loader = FileSystemSchemaLoader(allowedDirectory: TestSupport.corpus.path)
        let result = OpenAPIImporter().import(data: try loader.load(path), sourceURL: path, loader: loader)
        let remote = result.diagnostics.filter { $0.message.contains("https://developer-production-s.squarecdn.com/schemas/v1/common.json") }
        #expect(remote.count == 1)
        #expect(remote.first?.message.contains("fetching URLs needs the HTTP client") == true)
        #expect(remote.first?.pointer.hasPrefix("/components/schemas/") == true)
        #expect(result.document?.operations.count == 316)
    }

    @Test func everyCorpusDocumentEncodesItsOperationsAsJSON() async throws {
        let path = TestSupport.corpus.appendingPathComponent("readmeio__v31-train-travel.json").path
        guard FileManager.default.fileExists(atPath: path) else { return }
        let loader = FileSystemSchemaLoader(allowedDirectory: TestSupport.corpus.path)
        let result = OpenAPIImporter().import(data: try loader.load(path), sourceURL: path, loader: loader)
        let document = try #require(result.document)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for operation in document.operations {
            let data = try encoder.encode(operation)
            #expect(try JSONDecoder().decode(APIOperation.self, from: data) == operation)
            #expect(try encoder.encode(operation) == data)
        }
    }
}
