import HTTPCore
import Web

/// A redirect that shows a message on the page it leads to (POST, then redirect, then GET).
struct Redirects {
    let services: AppServices

    func to(_ location: String, _ flash: Flash) -> HTTPResponse {
        var response = HTTPResponse.redirect(to: location)
        response.setCookie(SessionMiddleware(services: services).cookie(SessionMiddleware.flashCookie, FlashCookie.encode(flash), maxAge: 120))
        return response
    }
}
