import Foundation
import HTTPCore

/// The files of a public folder, indexed once: content type, ETag, and small files kept in memory.
///
/// Only files found under the folder when it is indexed can be served, so no request path —
/// `..`, `%2e%2e`, encoded slashes or backslashes, a symlink pointing elsewhere — reaches
/// anything outside it. Large files go out with `sendfile` from disk.
public struct StaticFiles: Sendable {
    struct Entry: Sendable {
        let filePath: String
        let size: Int
        let contentType: String
        let etag: String
        let lastModified: String
        /// The file's bytes when it is small enough to keep.
        let contents: [UInt8]?
    }

    public let directory: String
    public var cacheControl = "public, max-age=300"
    private let entries: [String: Entry]

    /// Files up to this size are held in memory; larger ones are sent from disk.
    public static let memoryLimit = 256 << 10

    /// Indexes every regular file below `directory` (hidden files and outside symlinks skipped).
    public init(directory: String) throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        self.directory = root
        var entries: [String: Entry] = [:]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: root) else {
            throw HTTPError(.internalServerError, "The public folder \(directory) cannot be read.")
        }
        while let relative = walker.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let full = root + "/" + relative
            let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(root + "/") else { continue }
            var info = stat()
            guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let size = Int(info.st_size)
            let mtime = Int(info.st_mtim.tv_sec)
            let ext = relative.split(separator: ".").last.map(String.init) ?? ""
            let contents = size <= Self.memoryLimit ? manager.contents(atPath: resolved).map { [UInt8]($0) } : nil
            entries["/" + relative] = Entry(
                filePath: resolved, size: size, contentType: MediaType.forExtension(ext),
                etag: "\"\(String(size, radix: 16))-\(String(mtime, radix: 16))\"",
                lastModified: HTTPDate.format(secondsSince1970: mtime), contents: contents)
        }
        self.entries = entries
    }

    /// Whether a request path (still percent-encoded) names one of the files.
    public func contains(_ rawPath: Substring) -> Bool {
        entry(for: rawPath) != nil
    }

    func entry(for rawPath: Substring) -> Entry? {
        guard !rawPath.contains("%") else {
            // Encoded separators never name a file; other escapes (spaces, UTF-8) are decoded.
            let lower = rawPath.lowercased()
            guard !lower.contains("%2f"), !lower.contains("%5c"), !lower.contains("%00"),
                let decoded = PercentEncoding.decode(rawPath)
            else { return nil }
            return entries[decoded]
        }
        return entries[String(rawPath)]
    }

    /// The file's response: 200 with the body, or 304 when the client's copy is current.
    func response(for rawPath: Substring, headers: HTTPHeaders) -> HTTPResponse? {
        guard let entry = entry(for: rawPath) else { return nil }
        var responseHeaders: HTTPHeaders = [
            "ETag": entry.etag, "Last-Modified": entry.lastModified, "Cache-Control": cacheControl,
        ]
        if let condition = headers["If-None-Match"], Self.matches(condition, etag: entry.etag) {
            return HTTPResponse(status: .notModified, headers: responseHeaders)
        }
        responseHeaders.add("Content-Type", entry.contentType)
        if let contents = entry.contents {
            return HTTPResponse(status: .ok, headers: responseHeaders, body: .bytes(contents))
        }
        return HTTPResponse(status: .ok, headers: responseHeaders, body: .file(path: entry.filePath, offset: 0, length: entry.size))
    }

    /// RFC 9110 §13.1.2: `*` or any listed tag, compared weakly (a `W/` prefix is ignored).
    static func matches(_ condition: String, etag: String) -> Bool {
        condition.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingCharacters()
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }
}

/// Serves the indexed files for GET and HEAD; everything else goes on to the routes.
struct StaticFilesMiddleware<Context: RequestContext>: Middleware {
    let files: StaticFiles

    func handle(_ request: Request, context: inout Context, next: Responder<Context>) throws -> HTTPResponse {
        if request.method == .get || request.method == .head,
            let response = files.response(for: Substring(request.http.path), headers: request.headers)
        {
            return response
        }
        return try next(request, &context)
    }
}
