/// A `Set-Cookie` field with all its attributes (RFC 6265 §4.1).
public struct SetCookie: Sendable, Equatable {
    public enum SameSite: String, Sendable {
        case strict = "Strict", lax = "Lax", none = "None"
    }

    public var name: String
    public var value: String
    public var path: String? = "/"
    public var domain: String?
    /// Seconds until expiry; 0 deletes the cookie; nil makes it a session cookie.
    public var maxAge: Int?
    public var secure = false
    public var httpOnly = true
    public var sameSite: SameSite? = .lax

    public init(
        name: String, value: String, path: String? = "/", domain: String? = nil, maxAge: Int? = nil,
        secure: Bool = false, httpOnly: Bool = true, sameSite: SameSite? = .lax
    ) {
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.maxAge = maxAge
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
    }

    /// A cookie that tells the browser to forget `name`.
    public static func expired(_ name: String, path: String = "/") -> SetCookie {
        SetCookie(name: name, value: "", path: path, maxAge: 0)
    }

    public var headerValue: String {
        var out = "\(name)=\(value)"
        if let path { out += "; Path=\(path)" }
        if let domain { out += "; Domain=\(domain)" }
        if let maxAge {
            out += "; Max-Age=\(maxAge)"
            // Old clients ignore Max-Age; a past date makes a deletion stick there too.
            if maxAge <= 0 { out += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT" }
        }
        if secure || sameSite == SameSite.none { out += "; Secure" }
        if httpOnly { out += "; HttpOnly" }
        if let sameSite { out += "; SameSite=\(sameSite.rawValue)" }
        return out
    }
}
