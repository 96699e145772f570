import Cryptography
import HTTPCore
import Web

/// Refuses a state-changing request whose form token (`_csrf` field or `X-CSRF-Token` header)
/// is not this session's, or whose `Origin` is another site. Nothing has run yet when it refuses,
/// so nothing is half-done.
struct CSRFMiddleware: Middleware {
    static let fieldName = "_csrf"
    static let refusal = "This form has expired or came from another site. Go back, reload the page and try again."

    /// The origin of the configured public URL (`https://switchboard.example.com`).
    let publicOrigin: String

    func handle(_ request: Request, context: inout AppRequestContext, next: Responder<AppRequestContext>) throws -> HTTPResponse {
        guard !request.method.isSafe else { return try next(request, &context) }
        if let origin = request.headers["Origin"], !isOwn(origin: origin, host: request.headers["Host"]) {
            throw HTTPError(.forbidden, Self.refusal)
        }
        // Read once here and kept with the request: the handler gets the fields without parsing again.
        var request = request
        let sent = request.headers["X-CSRF-Token"] ?? (try? request.readForm())?[Self.fieldName] ?? ""
        guard !context.csrfToken.isEmpty, ConstantTime.equals(Array(sent.utf8), Array(context.csrfToken.utf8)) else {
            throw HTTPError(.forbidden, Self.refusal)
        }
        return try next(request, &context)
    }

    /// Our own origin: the public URL's, or the one the browser used to reach us (`Host`).
    private func isOwn(origin: String, host: String?) -> Bool {
        if origin == publicOrigin { return true }
        guard let host else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}
