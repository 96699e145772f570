/// An absolute `http` or `https` URL split into what a client needs: scheme, host, port, target.
///
/// Parsed by hand (RFC 3986 §3) so the client's hot path never builds a `Foundation.URL`.
/// Deliberately narrow: user information (`user:pass@host`) is refused because it hides the real
/// host from a reader ("https://bank.example@evil.example"), non-ASCII host names are refused
/// (no IDNA), and the fragment is dropped since it is never sent.
///
///     let url = try HTTPURL("https://[::1]:8443/v1/items?limit=5")
///     url.host    // "::1"
///     url.port    // 8443
///     url.target  // "/v1/items?limit=5"
public struct HTTPURL: Hashable, Sendable, CustomStringConvertible {
    /// `http` or `https`.
    public enum Scheme: String, Hashable, Sendable {
        case http, https

        /// The port used when the URL names none.
        public var defaultPort: Int { self == .http ? 80 : 443 }
    }

    /// `http` or `https`, from the text in any case.
    public let scheme: Scheme
    /// The host in lower case; an IPv6 literal without its brackets.
    public let host: String
    /// The port given, or the scheme's default (80, 443).
    public let port: Int
    /// The path and query as sent in the request line (origin form, RFC 9112 §3.2.1), never empty.
    public let target: String

    /// Parses an absolute URL; the error says what is wrong with it.
    public init(_ text: String) throws(HTTPURLError) {
        let utf8 = Array(text.utf8)
        if let bad = utf8.firstIndex(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            throw HTTPURLError(text, "it contains a space, a control or a non-ASCII character at offset \(bad)")
        }
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")),
            let scheme = Scheme(rawValue: String(decoding: utf8[..<colon], as: UTF8.self).lowercased())
        else { throw HTTPURLError(text, "only http and https URLs are supported") }
        let afterScheme = utf8[(colon + 1)...]
        guard afterScheme.starts(with: "//".utf8) else {
            throw HTTPURLError(text, "the scheme must be followed by // and a host")
        }
        let authorityStart = afterScheme.startIndex + 2
        let authorityEnd =
            utf8[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? utf8.endIndex
        let (host, port) = try Self.parseAuthority(utf8[authorityStart..<authorityEnd], scheme: scheme, in: text)
        var rest = utf8[authorityEnd...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        var target = String(decoding: rest, as: UTF8.self)
        if target.isEmpty || target.first == "?" { target = "/" + target }
        self.init(validatedScheme: scheme, host: host, port: port, target: target)
    }

    private init(validatedScheme scheme: Scheme, host: String, port: Int, target: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.target = target
    }

    /// The same origin with another target (already in origin form, starting with `/`).
    func replacingTarget(_ target: String) -> HTTPURL {
        HTTPURL(validatedScheme: scheme, host: host, port: port, target: target)
    }

    /// Whether the host is an IP address literal rather than a DNS name (no SNI is sent for it,
    /// RFC 6066 §3, and the certificate is checked against the address).
    public var hostIsIPAddress: Bool { IPAddress(host) != nil }

    /// `host` or `host:port` as the `Host` header wants it (RFC 9110 §7.2): port only when not default.
    public var hostHeader: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return port == scheme.defaultPort ? bracketed : "\(bracketed):\(port)"
    }

    /// Whether both URLs have the same scheme, host and port (RFC 6454 origin).
    public func hasSameOrigin(as other: HTTPURL) -> Bool {
        scheme == other.scheme && host == other.host && port == other.port
    }

    /// The URL in normal form: lower-case scheme and host, port only when not the default.
    public var description: String { "\(scheme.rawValue)://\(hostHeader)\(target)" }

    private static func parseAuthority(
        _ authority: ArraySlice<UInt8>, scheme: Scheme, in text: String
    ) throws(HTTPURLError) -> (String, Int) {
        if authority.contains(UInt8(ascii: "@")) {
            throw HTTPURLError(text, "user information (user:password@) in a URL is not accepted; send credentials in headers")
        }
        var hostPart = authority
        var portPart: ArraySlice<UInt8>? = nil
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else {
                throw HTTPURLError(text, "the IPv6 address has no closing ]")
            }
            hostPart = authority[(authority.startIndex + 1)..<close]
            let after = authority[(close + 1)...]
            if let first = after.first {
                guard first == UInt8(ascii: ":") else { throw HTTPURLError(text, "unexpected text after the IPv6 address") }
                portPart = after.dropFirst()
            }
            guard case .v6 = IPAddress(String(decoding: hostPart, as: UTF8.self)) else {
                throw HTTPURLError(text, "the text in brackets is not an IPv6 address")
            }
        } else if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
            hostPart = authority[..<colon]
            portPart = authority[(colon + 1)...]
        }
        guard !hostPart.isEmpty else { throw HTTPURLError(text, "the host is empty") }
        let allowed: (UInt8) -> Bool = { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: ":"):
                true
            default: false
            }
        }
        guard hostPart.allSatisfy(allowed) else {
            throw HTTPURLError(text, "the host may hold only letters, digits, '-', '.' and '_'")
        }
        var port = scheme.defaultPort
        if let portPart, !portPart.isEmpty {
            guard portPart.count <= 5, portPart.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let value = Int(String(decoding: portPart, as: UTF8.self)), (1...65535).contains(value)
            else { throw HTTPURLError(text, "the port must be a number from 1 to 65535") }
            port = value
        }
        return (String(decoding: hostPart, as: UTF8.self).lowercased(), port)
    }
}

/// Why a text is not a usable `http`/`https` URL.
public struct HTTPURLError: Error, Equatable, CustomStringConvertible {
    /// The text that was given.
    public let text: String
    /// What is wrong with it, in words an admin can act on.
    public let reason: String

    init(_ text: String, _ reason: String) {
        self.text = text
        self.reason = reason
    }

    /// "invalid URL "…": reason".
    public var description: String { "invalid URL \"\(text)\": \(reason)" }
}
