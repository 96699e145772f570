import Foundation
import HTTPCore
import Testing
@testable import Web

@Suite struct StaticFilesTests {
    /// A public folder with a CSS file, a nested image, a large file, a hidden file, and a symlink
    /// pointing outside it at a secret.
    final class Fixture {
        let root: String
        let publicDir: String
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString)").path
            publicDir = root + "/Public"
            let fm = FileManager.default
            try fm.createDirectory(atPath: publicDir + "/img", withIntermediateDirectories: true)
            try "body { color: red }".write(toFile: publicDir + "/app.css", atomically: true, encoding: .utf8)
            try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: publicDir + "/img/logo.png"))
            try Data(repeating: 0x41, count: StaticFiles.memoryLimit + 10).write(to: URL(fileURLWithPath: publicDir + "/big.txt"))
            try "name with space".write(toFile: publicDir + "/a b.txt", atomically: true, encoding: .utf8)
            try "hidden".write(toFile: publicDir + "/.env", atomically: true, encoding: .utf8)
            try "SECRET".write(toFile: root + "/secret.txt", atomically: true, encoding: .utf8)
            try fm.createSymbolicLink(atPath: publicDir + "/leak.txt", withDestinationPath: root + "/secret.txt")
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func app() throws -> WebApplication<BasicRequestContext> {
            let router = Router<BasicRequestContext>()
            router.serveStaticFiles(try StaticFiles(directory: publicDir))
            var app = router.buildApplication()
            app.logger = .silent
            return app
        }
    }

    @Test func servesFilesWithContentTypeETagAndCacheControl() throws {
        let fixture = try Fixture()
        let app = try fixture.app()
        let css = send(app, .get, "/app.css")
        #expect(css.status == .ok)
        #expect(text(css) == "body { color: red }")
        #expect(css.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(css.headers["ETag"]?.hasPrefix("\"") == true)
        #expect(css.headers["Cache-Control"] == "public, max-age=300")
        #expect(send(app, .get, "/img/logo.png").headers["Content-Type"] == "image/png")
        #expect(text(send(app, .get, "/a%20b.txt")) == "name with space")
    }

    @Test func matchingIfNoneMatchIsNotModified() throws {
        let fixture = try Fixture()
        let app = try fixture.app()
        let etag = try #require(send(app, .get, "/app.css").headers["ETag"])
        let again = send(app, .get, "/app.css", headers: ["If-None-Match": "\"other\", W/\(etag)"])
        #expect(again.status == .notModified)
        #expect(again.body == .empty)
        #expect(send(app, .get, "/app.css", headers: ["If-None-Match": "\"stale\""]).status == .ok)
    }

    @Test func largeFilesAreSentFromDisk() throws {
        let fixture = try Fixture()
        let response = send(try fixture.app(), .get, "/big.txt")
        guard case .file(let path, 0, let length) = response.body else {
            Issue.record("expected a file body, got \(response.body.count) bytes in memory")
            return
        }
        #expect(length == StaticFiles.memoryLimit + 10)
        #expect(path.hasSuffix("/big.txt"))
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/img/..%2f..%2fsecret.txt", "/img%2flogo.png",
        "/img%5clogo.png", "/..\\secret.txt", "/leak.txt", "/.env", "/img/../../secret.txt",
        "/app.css%00.png", "//etc/passwd", "/%252e%252e/secret.txt",
    ])
    func nothingOutsideThePublicFolderIsServed(path: String) throws {
        let fixture = try Fixture()
        let response = send(try fixture.app(), .get, path)
        #expect(response.status == .notFound)
        #expect(!text(response).contains("SECRET"))
    }

    @Test func staticRequestsRunInlineAndRoutesStillWork() throws {
        let fixture = try Fixture()
        let router = Router<BasicRequestContext>()
        router.serveStaticFiles(try StaticFiles(directory: fixture.publicDir))
        router.get("/page") { _, _ in .text("page") }
        let app = router.buildApplication()
        #expect(app.policy(for: HTTPRequestHead(method: .get, target: "/app.css", version: .http11, headers: [:])).inline)
        #expect(!app.policy(for: HTTPRequestHead(method: .get, target: "/page", version: .http11, headers: [:])).inline)
        #expect(text(send(app, .get, "/page")) == "page")
        #expect(send(app, .post, "/app.css").status == .notFound)
    }
}
