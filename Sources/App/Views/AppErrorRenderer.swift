import HTTPCore
import Templates
import Web

/// Error pages in the product's own style; JSON for clients that ask for it.
struct AppErrorRenderer: ErrorRenderer {
    let templates: TemplateLibrary
    let logger: Logger

    func render(_ page: ErrorPage, for request: Request) -> HTTPResponse {
        if request.prefersJSON { return .json(page.json, status: page.status) }
        let values: TemplateValue = [
            "status": .int(page.status.code), "reason": .string(page.status.reason),
            "message": .string(page.message), "requestID": .string(page.requestID),
        ]
        do {
            var response = HTTPResponse.html(Array(try templates.render("errors/error", values).utf8), status: page.status)
            response.headers.add("Cache-Control", "no-store")
            return response
        } catch {
            logger.error("error page failed to render", ["error": String(describing: error)])
            return PlainErrorRenderer().render(page, for: request)
        }
    }
}
