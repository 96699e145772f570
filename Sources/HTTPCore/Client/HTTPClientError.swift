/// Why an outbound request failed, with a message an admin can act on.
///
/// A response with any status (404, 500) is not an error: it is a ``ClientResponse``.
public enum HTTPClientError: Error, Equatable, CustomStringConvertible {
    /// The URL (or a redirect's `Location`) is not a usable http/https URL.
    case invalidURL(HTTPURLError)
    /// The request cannot be sent as given (a header with a line break, a bad method).
    case invalidRequest(reason: String)
    /// The egress policy refused the address; no packet was sent to it.
    case egressRefused(EgressRefusal)
    /// The host name did not resolve.
    case dnsFailure(host: String, reason: String)
    /// Every address of the host refused or failed the TCP connection.
    case connectFailed(host: String, port: Int, reason: String)
    /// No TCP connection within the connect timeout.
    case connectTimeout(host: String, port: Int, timeout: Duration)
    /// The server sent nothing (or accepted nothing) for longer than the read timeout.
    case readTimeout(host: String, timeout: Duration)
    /// The whole exchange, redirects included, took longer than the exchange timeout.
    case exchangeTimeout(host: String, timeout: Duration)
    /// The TLS handshake failed: untrusted certificate, host name mismatch, protocol too old.
    case tlsFailure(host: String, reason: String)
    /// The response body exceeds the configured cap; reading stopped there.
    case responseTooLarge(limit: Int)
    /// The server's bytes are not a valid HTTP/1.1 response.
    case malformedResponse(host: String, reason: String)
    /// The connection broke (reset, closed early) during the exchange.
    case connectionLost(host: String, reason: String)
    /// The server redirected more often than the request allows.
    case tooManyRedirects(limit: Int, lastLocation: String)
    /// The forward proxy answered `CONNECT` with a status other than 2xx: no tunnel to the target.
    case proxyRefused(target: String, status: HTTPStatus)
    /// The client's configuration cannot be used (an unreadable CA bundle).
    case invalidConfiguration(reason: String)

    /// The message for the admin: what failed, where, and what to change when that is known.
    public var description: String {
        switch self {
        case .invalidURL(let error): "\(error)"
        case .invalidRequest(let reason): "invalid request: \(reason)"
        case .egressRefused(let refusal): "connection refused by the egress policy: \(refusal)"
        case .dnsFailure(let host, let reason): "cannot resolve host name \(host): \(reason)"
        case .connectFailed(let host, let port, let reason): "cannot connect to \(host) port \(port): \(reason)"
        case .connectTimeout(let host, let port, let timeout):
            "no connection to \(host) port \(port) within \(timeout) (connect timeout); is the host reachable from this server?"
        case .readTimeout(let host, let timeout): "\(host) sent nothing for \(timeout) (read timeout)"
        case .exchangeTimeout(let host, let timeout): "the exchange with \(host) took longer than \(timeout) (exchange timeout)"
        case .tlsFailure(let host, let reason): "TLS with \(host) failed: \(reason)"
        case .responseTooLarge(let limit): "response too large (limit \(limit) bytes)"
        case .malformedResponse(let host, let reason): "malformed response from \(host): \(reason)"
        case .connectionLost(let host, let reason): "connection to \(host) lost: \(reason)"
        case .tooManyRedirects(let limit, let location): "too many redirects (limit \(limit)); the next was to \(location)"
        case .proxyRefused(let target, let status):
            "the proxy refused the tunnel to \(target): \(status)"
                + (status.code == 407 ? "; give the proxy's user and password in its URL (http://user:password@host:port)" : "")
        case .invalidConfiguration(let reason): "invalid HTTP client configuration: \(reason)"
        }
    }
}
