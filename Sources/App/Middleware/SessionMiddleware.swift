import Core
import Cryptography
import HTTPCore
import Web

/// Reads the session cookie and fills the context with the user, their companies and the
/// current membership; reads and clears the flash cookie; sets up the CSRF token.
struct SessionMiddleware: Middleware {
    static let sessionCookie = "sb_session"
    static let preSessionCookie = "sb_csrf"
    static let flashCookie = "sb_flash"

    let services: AppServices

    func handle(_ request: Request, context: inout AppRequestContext, next: Responder<AppRequestContext>) throws -> HTTPResponse {
        let cookies = request.cookies
        context.clientAddress = request.http.remoteAddress
        context.requestPath = request.http.path
        context.baseURL = baseURL(host: request.headers["Host"])
        let sessions = SessionStore(database: services.database, clock: services.clock, policy: services.policy)
        let directory = AccountDirectory(database: services.database)
        if let token = cookies[Self.sessionCookie], let session = try sessions.find(token: token),
            let user = try directory.user(id: session.userID)
        {
            context.session = session
            context.user = user
            context.csrfToken = session.csrfToken
            context.memberships = try directory.memberships(userID: user.id)
            context.membership = context.memberships.first { $0.company.id == session.companyID }
            if context.membership == nil, let first = context.memberships.first {
                // The session's company is gone (removed, or never set): continue in another.
                try sessions.switchCompany(idHash: session.idHash, to: first.company.id)
                context.membership = first
            }
        } else if let token = cookies[Self.preSessionCookie], token.utf8.count == 43 {
            context.csrfToken = token
        } else {
            // Before sign-in, forms are protected by a double-submit token in its own cookie.
            context.csrfToken = try SecureRandom.token(byteCount: 32)
            context.outgoingCookies.append(cookie(Self.preSessionCookie, context.csrfToken))
        }
        if let raw = cookies[Self.flashCookie] {
            context.flash = FlashCookie.decode(raw)
            context.outgoingCookies.append(SetCookie.expired(Self.flashCookie))
        }
        var response = try next(request, &context)
        for cookie in context.outgoingCookies where !response.headers.values("Set-Cookie").contains(where: { $0.hasPrefix(cookie.name + "=") }) {
            response.setCookie(cookie)
        }
        return response
    }

    /// The configured public URL; without one, `http://` and the `Host` the browser sent (when it
    /// is a plain host and port), so links work however the server was reached.
    private func baseURL(host: String?) -> String {
        let configuration = services.configuration
        if configuration.publicURL != nil { return configuration.effectivePublicURL }
        guard let host, !host.isEmpty, host.utf8.count <= 255,
            host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" || $0 == "[" || $0 == "]" })
        else { return configuration.effectivePublicURL }
        return "http://" + host
    }

    /// HttpOnly, SameSite=Lax, and Secure when the public URL is https.
    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> SetCookie {
        SetCookie(
            name: name, value: value, path: "/", maxAge: maxAge,
            secure: services.configuration.effectivePublicURL.hasPrefix("https://"), httpOnly: true, sameSite: .lax)
    }
}

/// The flash message travels in a short-lived cookie between a POST and the page it redirects to.
enum FlashCookie {
    /// `kind.base64url(message)[.base64url(link)]`: cookie-safe characters only.
    static func encode(_ flash: Flash) -> String {
        var value = flash.kind.rawValue + "." + Base64URL.encode(Array(flash.message.prefix(500).utf8))
        if let link = flash.link { value += "." + Base64URL.encode(Array(link.prefix(1000).utf8)) }
        return value
    }

    static func decode(_ raw: String) -> Flash? {
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, let kind = Flash.Kind(rawValue: parts[0]), let message = text(parts[1]) else {
            return nil
        }
        return Flash(kind, message, link: parts.count == 3 ? text(parts[2]) : nil)
    }

    private static func text(_ encoded: String) -> String? {
        guard let bytes = try? Base64URL.decode(encoded) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
