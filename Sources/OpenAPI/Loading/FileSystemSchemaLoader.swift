import Foundation

/// Reads schema documents from the local file system, confined to one folder and below.
///
/// Used by `switchboard openapi inspect FILE` and by tests. `http:` and `https:` locations are
/// refused: fetching them needs the egress-guarded HTTP client, which this loader is not.
public struct FileSystemSchemaLoader: SchemaLoader {
    /// The folder documents must be in (a canonical absolute path).
    public let allowedDirectory: String
    /// The largest document read, in bytes.
    public let maximumSize: Int

    /// Creates a loader allowed to read `allowedDirectory` and everything below it.
    public init(allowedDirectory: String, maximumSize: Int = 64 << 20) {
        self.allowedDirectory = Self.canonical(allowedDirectory)
        self.maximumSize = maximumSize
    }

    /// Reads the file at `location` (a path or a `file:` URL).
    public func load(_ location: String) throws(SchemaLoadError) -> [UInt8] {
        let lowercased = location.lowercased()
        if lowercased.hasPrefix("http:") || lowercased.hasPrefix("https:") {
            throw SchemaLoadError("fetching URLs needs the HTTP client (not built yet): \(location)")
        }
        var path = location
        if lowercased.hasPrefix("file://") {
            path = URIReference.percentDecoded(String(location.dropFirst("file://".count)))
        }
        let canonicalPath = Self.canonical(path)
        let prefix = allowedDirectory.hasSuffix("/") ? allowedDirectory : allowedDirectory + "/"
        guard canonicalPath.hasPrefix(prefix) else {
            throw SchemaLoadError("\(path) is outside \(allowedDirectory), the folder of the schema being imported")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: canonicalPath)
        if let size = attributes?[.size] as? Int, size > maximumSize {
            throw SchemaLoadError("\(path) is larger than \(maximumSize) bytes")
        }
        guard let data = FileManager.default.contents(atPath: canonicalPath) else {
            throw SchemaLoadError("cannot read \(path)")
        }
        return [UInt8](data)
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
