import HTTPCore
import Testing
@testable import Web

@Suite struct RouterTests {
    func makeApp() -> WebApplication<BasicRequestContext> {
        let router = Router<BasicRequestContext>()
        router.get("/") { _, _ in .text("home") }
        router.get("/users/:id") { request, _ in .text("user \(try request.parameters.require("id"))") }
        router.post("/users/:id") { request, _ in .text("posted \(request.parameters["id"] ?? "")") }
        router.get("/users/:id/orders/:order") { request, _ in
            .text("\(request.parameters["id"] ?? "")/\(request.parameters["order"] ?? "")")
        }
        router.get("/files/*path") { request, _ in .text("file \(request.parameters["path"] ?? "")") }
        router.get("/boom") { _, _ in throw BoomError() }
        router.get("/teapot") { _, _ in throw HTTPError(HTTPStatus(code: 418, reason: "I'm a teapot"), "Short & stout <3") }
        var app = router.buildApplication()
        app.logger = .silent
        return app
    }

    struct BoomError: Error {}

    @Test func matchesLiteralAndParameterRoutes() {
        let app = makeApp()
        #expect(text(send(app, .get, "/")) == "home")
        #expect(text(send(app, .get, "/users/42")) == "user 42")
        #expect(text(send(app, .get, "/users/7/orders/9")) == "7/9")
        #expect(text(send(app, .post, "/users/5")) == "posted 5")
    }

    @Test func decodesParametersAfterMatchingSoEncodedSlashesStayInOneSegment() {
        let app = makeApp()
        #expect(text(send(app, .get, "/users/a%2Fb")) == "user a/b")
        #expect(text(send(app, .get, "/users/caf%C3%A9?x=1")) == "user café")
        #expect(send(app, .get, "/users/%ZZ").status == .notFound)
    }

    @Test func restParameterTakesTheRemainingPath() {
        #expect(text(send(makeApp(), .get, "/files/a/b/c.txt")) == "file a/b/c.txt")
    }

    @Test func unknownPathIsNotFound() {
        let response = send(makeApp(), .get, "/nope")
        #expect(response.status == .notFound)
        #expect(text(response).contains("404 Not Found"))
    }

    @Test func wrongMethodIsMethodNotAllowedWithAllow() {
        let response = send(makeApp(), .delete, "/users/1")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, POST, HEAD")
    }

    @Test func headFallsBackToGet() {
        #expect(text(send(makeApp(), .head, "/users/3")) == "user 3")
    }

    @Test func errorsRenderEscapedHTMLOrJSON() {
        let app = makeApp()
        let html = send(app, .get, "/teapot")
        #expect(html.status.code == 418)
        #expect(text(html).contains("Short &amp; stout &lt;3"))
        #expect(html.headers["Content-Type"] == "text/html; charset=utf-8")
        let json = send(app, .get, "/teapot", headers: ["Accept": "application/json"])
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(text(json).hasPrefix(#"{"error":{"status":418,"message":"Short & stout <3","request_id":""#))
    }

    @Test func unexpectedErrorIsAnInternalErrorPageWithTheRequestIDAndALoggedDetail() {
        let log = LogCollector()
        var app = makeApp()
        app.logger = log.logger
        let response = send(app, .get, "/boom")
        #expect(response.status == .internalServerError)
        #expect(!text(response).contains("BoomError"))
        let errorLine = log.lines.first { $0.contains("level=error") } ?? ""
        #expect(errorLine.contains("BoomError"))
        let requestLine = log.lines.first { $0.contains("msg=request") } ?? ""
        #expect(requestLine.contains("status=500"))
        let id = requestLine.split(separator: " ").first { $0.hasPrefix("id=") }?.dropFirst(3) ?? "?"
        #expect(text(response).contains(String(id)))
    }

    @Test func everyResponseCarriesSecurityHeaders() {
        let response = send(makeApp(), .get, "/nope")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Content-Security-Policy"]?.contains("frame-ancestors 'none'") == true)
    }

    @Test func logsOneLinePerRequest() {
        let log = LogCollector()
        var app = makeApp()
        app.logger = log.logger
        _ = send(app, .get, "/users/1")
        _ = send(app, .get, "/missing")
        let lines = log.lines.filter { $0.contains("msg=request") }
        #expect(lines.count == 2)
        #expect(lines[0].contains("method=GET path=/users/1 status=200 bytes=6"))
        #expect(lines[1].contains("status=404"))
    }

    @Test func policyComesFromTheRoute() {
        let router = Router<BasicRequestContext>()
        router.post("/upload", options: RouteOptions(maxBodyBytes: 10 << 20)) { _, _ in .text("ok") }
        router.get("/fast", options: RouteOptions(inline: true)) { _, _ in .text("ok") }
        let app = router.buildApplication()
        let upload = app.policy(for: HTTPRequestHead(method: .post, target: "/upload", version: .http11, headers: [:]))
        #expect(upload == RequestPolicy(maxBodyBytes: 10 << 20, inline: false))
        let fast = app.policy(for: HTTPRequestHead(method: .get, target: "/fast?x", version: .http11, headers: [:]))
        #expect(fast.inline)
    }

    @Test func globalMiddlewareWrapsGroupMiddlewareAndSeesNotFound() {
        let router = Router<BasicRequestContext>()
        router.add(middleware: Tagging(tag: "global"))
        let group = router.group("/admin", middleware: [Tagging(tag: "group")])
        group.get("/page") { _, _ in .text("admin") }
        group.get("") { _, _ in .text("admin home") }
        var app = router.buildApplication()
        app.logger = .silent
        let page = send(app, .get, "/admin/page")
        #expect(page.headers.values("X-Trail") == ["group", "global"])
        #expect(text(send(app, .get, "/admin")) == "admin home")
        // A 404 is thrown inside the global chain: the error escapes it, so no trail, but a page.
        #expect(send(app, .get, "/admin/nope").status == .notFound)
    }
}
