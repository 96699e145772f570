import Foundation

/// A views folder under the temporary directory, removed when the test is done with it.
struct TemporaryViews: ~Copyable {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("templates-tests-\(UUID().uuidString)", isDirectory: true)
        for (path, contents) in files { try write(path, contents) }
    }

    /// Writes a file, creating its folders, and dates it `modified` when given.
    func write(_ path: String, _ contents: String, modified: Date? = nil) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
        if let modified {
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
