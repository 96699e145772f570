/// The secret half of a credential: what the vault seals into one `credentials` row.
///
/// Which fields matter depends on the ``AuthConfiguration``: `token` for bearer and an API key
/// in the query; `username` and `password`, or `encodedBasic`, for basic; `headerValues` for
/// custom headers (by header name); `clientSecret` and `staticHeaderValues` for an OAuth client;
/// `accessToken` and `refreshToken` for an OAuth connection. As form input, a nil or blank
/// field means "keep what is stored".
public struct CredentialSecrets: Sendable, Hashable, Codable {
    /// A bearer token, or the API key sent in the query.
    public var token: String?
    /// The basic auth username (sealed too: it is half of the credential).
    public var username: String?
    /// The basic auth password.
    public var password: String?
    /// Already-encoded basic credentials (base64 of `user:password`).
    public var encodedBasic: String?
    /// Custom header values by header name.
    public var headerValues: [String: String]
    /// The OAuth client secret.
    public var clientSecret: String?
    /// OAuth static header values by header name.
    public var staticHeaderValues: [String: String]
    /// An OAuth access token.
    public var accessToken: String?
    /// An OAuth refresh token.
    public var refreshToken: String?

    /// Creates secrets; every field is optional.
    public init(
        token: String? = nil, username: String? = nil, password: String? = nil, encodedBasic: String? = nil,
        headerValues: [String: String] = [:], clientSecret: String? = nil, staticHeaderValues: [String: String] = [:],
        accessToken: String? = nil, refreshToken: String? = nil
    ) {
        self.token = token
        self.username = username
        self.password = password
        self.encodedBasic = encodedBasic
        self.headerValues = headerValues
        self.clientSecret = clientSecret
        self.staticHeaderValues = staticHeaderValues
        self.accessToken = accessToken
        self.refreshToken = refreshToken
    }

    /// Whether no field holds a value.
    public var isEmpty: Bool { displayHints.isEmpty }

    /// These secrets with every blank field of `update` keeping this value, and every other
    /// field replaced: what saving a form with some fields left blank stores.
    public func merged(with update: CredentialSecrets) -> CredentialSecrets {
        func pick(_ new: String?, _ old: String?) -> String? { new.flatMap { $0.isEmpty ? nil : $0 } ?? old }
        var result = self
        result.token = pick(update.token, token)
        result.username = pick(update.username, username)
        result.password = pick(update.password, password)
        result.encodedBasic = pick(update.encodedBasic, encodedBasic)
        result.clientSecret = pick(update.clientSecret, clientSecret)
        result.accessToken = pick(update.accessToken, accessToken)
        result.refreshToken = pick(update.refreshToken, refreshToken)
        for (name, value) in update.headerValues where !value.isEmpty { result.headerValues[name] = value }
        for (name, value) in update.staticHeaderValues where !value.isEmpty { result.staticHeaderValues[name] = value }
        return result
    }

    /// Only the connection's half (what a member or the company connects with).
    var connectionPart: CredentialSecrets {
        CredentialSecrets(
            token: token, username: username, password: password, encodedBasic: encodedBasic, headerValues: headerValues,
            accessToken: accessToken, refreshToken: refreshToken)
    }

    /// Only the OAuth client's half (stored once per integration).
    var clientPart: CredentialSecrets {
        CredentialSecrets(clientSecret: clientSecret, staticHeaderValues: staticHeaderValues)
    }

    /// Keeps only the headers named by the configuration (names compared case-insensitively),
    /// so renamed or removed headers do not linger in the sealed object.
    func keepingHeaders(_ names: [String], staticNames: [String]) -> CredentialSecrets {
        let wanted = Set(names.map { $0.lowercased() })
        let wantedStatic = Set(staticNames.map { $0.lowercased() })
        var result = self
        result.headerValues = headerValues.filter { wanted.contains($0.key.lowercased()) }
        result.staticHeaderValues = staticHeaderValues.filter { wantedStatic.contains($0.key.lowercased()) }
        return result
    }

    /// Every non-empty secret value, longest first (so redaction replaces a whole value before
    /// any shorter value it contains).
    var allValues: [String] {
        var values = [token, username, password, encodedBasic, clientSecret, accessToken, refreshToken].compactMap { $0 }
        values += headerValues.values
        values += staticHeaderValues.values
        return values.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// What a form may show for each set field: "set · ends in …4f2a" (only for values long
    /// enough that four characters give nothing away), else "set". Keys are the field names
    /// (`token`, `password`, `header:X-API-Key`…).
    public var displayHints: [String: String] {
        var hints: [String: String] = [:]
        func add(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            hints[key] = Self.hint(for: value)
        }
        add("token", token)
        add("username", username)
        add("password", password)
        add("encodedBasic", encodedBasic)
        add("clientSecret", clientSecret)
        add("accessToken", accessToken)
        add("refreshToken", refreshToken)
        for (name, value) in headerValues { add("header:" + name, value) }
        for (name, value) in staticHeaderValues { add("staticHeader:" + name, value) }
        return hints
    }

    /// "set · ends in …4f2a" for a value of 12 characters or more, else "set".
    static func hint(for value: String) -> String {
        guard value.count >= 12 else { return "set" }
        return "set · ends in …" + String(value.suffix(4))
    }
}
