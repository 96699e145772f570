import Foundation

/// A forward proxy every outbound request goes through, except to the hosts of its no-proxy list.
///
/// https targets are reached through a tunnel (`CONNECT host:port`, RFC 9110 §9.3.6) and TLS is
/// negotiated with the target itself through it, so the proxy sees neither the request nor the
/// credentials; http targets are sent to the proxy in absolute form (RFC 9112 §3.2.2), so a proxy's
/// refusal of one (407) is an ordinary response, while a refused tunnel is
/// ``HTTPClientError/proxyRefused(target:status:)``. The proxy's own address is the admin's choice
/// and is not subject to the egress policy.
///
/// The egress policy still applies to every target: the client cannot know where the proxy's DNS
/// sends a name, so it resolves the target locally when it can and proceeds only when every
/// address passes the policy (the proxy may pick any of them). When the name does not resolve
/// locally (locked-down networks resolve only at the proxy), the name itself must be on the
/// allow-list before the proxy is asked to resolve it. An IP literal is checked as written, so a
/// private address is never requested through the proxy unless the policy allows it.
///
///     let proxy = try ProxyConfiguration(url: "http://user:secret@proxy.corp:3128", noProxy: "localhost,.internal,10.0.0.0/8")
///     proxy.isUsed(for: try HTTPURL("https://api.example.com/"))  // true
public struct ProxyConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// The proxy's host name or address, lower case.
    public let host: String
    /// The proxy's port (80 when the URL names none, as for any http URL).
    public let port: Int
    /// The `Proxy-Authorization` value (`Basic …`, RFC 7617) from the URL's `user:password@`, or nil.
    let authorization: String?
    /// The user name from the URL, shown in ``description`` (the password never is).
    private let user: String?
    /// The hosts reached directly.
    public var noProxy: NoProxyList

    /// Parses the proxy URL (`http://[user:password@]host[:port]`, user and password
    /// percent-decoded) and the no-proxy list (see ``NoProxyList``).
    public init(url text: String, noProxy: String = "") throws(ProxyConfigurationError) {
        let trimmed = String(text.trimmingSpaces())
        let shown = redactingPassword(trimmed)
        let lowercased = trimmed.lowercased()
        guard !lowercased.hasPrefix("https://") else {
            throw ProxyConfigurationError(text: shown, reason: "a proxy reached over TLS (https://) is not supported; use http://host:port")
        }
        guard lowercased.hasPrefix("http://") else {
            throw ProxyConfigurationError(text: shown, reason: "it must start with http://, as in http://proxy.example.com:3128")
        }
        var authority = Substring(trimmed.dropFirst("http://".count))
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        guard !authority.contains("/"), !authority.contains("?"), !authority.contains("#") else {
            throw ProxyConfigurationError(text: shown, reason: "a proxy URL has no path or query, only http://host:port")
        }
        var user: String? = nil
        var authorization: String? = nil
        if let at = authority.lastIndex(of: "@") {
            let userInformation = authority[..<at]
            authority = authority[authority.index(after: at)...]
            let parts = userInformation.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.flatMap({ String($0).removingPercentEncoding }), !name.isEmpty,
                let password = (parts.count == 2 ? String(parts[1]) : "").removingPercentEncoding
            else {
                throw ProxyConfigurationError(
                    text: shown, reason: "the user and password must be user:password@ with %-escapes only where valid")
            }
            user = name
            authorization = "Basic " + Data("\(name):\(password)".utf8).base64EncodedString()
        }
        let url: HTTPURL
        do {
            url = try HTTPURL("http://\(authority)/")
        } catch {
            throw ProxyConfigurationError(text: shown, reason: error.reason)
        }
        host = url.host
        port = url.port
        self.user = user
        self.authorization = authorization
        self.noProxy = try NoProxyList(noProxy)
    }

    /// Whether a request to `url` goes through the proxy (its host is not on the no-proxy list).
    public func isUsed(for url: HTTPURL) -> Bool {
        !noProxy.matches(host: url.host)
    }

    /// `http://user:***@host:port`: the password is never shown.
    public var description: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "http://\(user.map { "\($0):***@" } ?? "")\(hostPart):\(port)"
    }
}

/// The proxy URL as it may be shown in an error: any password replaced by `***`.
private func redactingPassword(_ text: String) -> String {
    let start = text.range(of: "://")?.upperBound ?? text.startIndex
    guard let at = text[start...].lastIndex(of: "@"), let colon = text[start..<at].firstIndex(of: ":") else { return text }
    return String(text[..<colon]) + ":***" + String(text[at...])
}

/// A proxy URL or no-proxy entry that could not be understood.
public struct ProxyConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The URL or entry as written (a password replaced by `***`).
    public let text: String
    /// What is wrong with it.
    public let reason: String

    /// "proxy setting "…" is invalid: …", for the start-up error.
    public var description: String { "proxy setting \"\(text)\" is invalid: \(reason)" }
}
