extension HTTPClient {
    /// Header fields that carry credentials, dropped when a redirect leaves the origin.
    private static let credentialHeaders = ["Authorization", "Proxy-Authorization", "Cookie"]

    /// The request to send next when `response` is a redirect with a `Location`, else nil.
    ///
    /// RFC 9110 §15.4: 301, 302 and 303 are followed with GET and no body (HEAD stays HEAD), as
    /// every browser does; 307 and 308 keep the method and body. Leaving the origin drops the
    /// credential headers, so a token for one API is never handed to another host. The egress
    /// policy is checked again when the next hop connects.
    func redirect(after response: ClientResponse, of request: ClientRequest) throws(HTTPClientError) -> ClientRequest? {
        guard [301, 302, 303, 307, 308].contains(response.status.code), let location = response.headers["Location"] else {
            return nil
        }
        let target: HTTPURL
        do { target = try request.url.resolving(location) } catch { throw .invalidURL(error) }
        var next = request
        next.url = target
        if response.status.code != 307 && response.status.code != 308 && request.method != .head {
            next.method = .get
            next.body = []
            for name in ["Content-Type", "Content-Encoding", "Content-Language", "Content-Location"] {
                next.headers.remove(name)
            }
        }
        if !target.hasSameOrigin(as: request.url) {
            for name in Self.credentialHeaders + request.credentialHeaderNames { next.headers.remove(name) }
            next.credentialHeaderNames = []
        }
        return next
    }
}
