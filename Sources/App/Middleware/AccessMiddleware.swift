import Core
import HTTPCore
import Web

/// Sends people who are not signed in to the sign-in page, remembering where they were going.
struct RequireSignIn: Middleware {
    func handle(_ request: Request, context: inout AppRequestContext, next: Responder<AppRequestContext>) throws -> HTTPResponse {
        guard context.user != nil else {
            let back = request.method == .get ? "?next=" + PercentEncoding.encode(request.http.target) : ""
            return .redirect(to: "/sign-in" + back)
        }
        return try next(request, &context)
    }
}

/// Lets through members of the current company whose role is at least `minimum`; others get a
/// 403 page that says who may open it.
struct RequireRole: Middleware {
    let minimum: Role

    func handle(_ request: Request, context: inout AppRequestContext, next: Responder<AppRequestContext>) throws -> HTTPResponse {
        guard let role = context.role else { return .redirect(to: "/") }
        guard role >= minimum else {
            let who = minimum == .owner ? "Owners" : "Admins and Owners"
            throw HTTPError(.forbidden, "Only \(who) can open this page. Ask an Owner of \(context.company?.name ?? "your company") if you need access.")
        }
        return try next(request, &context)
    }
}
