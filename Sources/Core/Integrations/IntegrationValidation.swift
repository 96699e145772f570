import Foundation

/// The rules of the integration forms, each problem tied to its field so the page can show it
/// beside the input.
///
/// Field names: `name`, `description`, `base_url`, `scope`, `auth.authorization_url`, `auth.token_url`,
/// `auth.client_id`, `auth.scopes`, `auth.header_names.<i>`, `auth.parameter_name`,
/// `auth.static_header_names.<i>`, `auth.extra_parameters.<i>`, `secrets.token` (also the
/// pre-encoded basic credentials), `secrets.client_secret`,
/// `secrets.username`, `secrets.password`, `secrets.header.<i>` (value of header i),
/// `secrets.static_header.<i>`, `actions.<i>.name` (`<i>` counts from 0 in the given order).
public enum IntegrationValidation {
    /// The longest action name (the `actions.name` CHECK).
    public static let maximumActionNameLength = 64

    /// Problems with the settings and action choices; `storedSecrets` are what a blank secret
    /// field keeps, `requireConnectionSecrets` is false for per-user scope (members connect later).
    public static func problems(
        _ choices: IntegrationChoices, secrets: CredentialSecrets, storedSecrets: CredentialSecrets,
        requireConnectionSecrets: Bool, checkActions: Bool
    ) -> [FieldError] {
        var problems: [FieldError] = []
        let name = choices.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            problems.append(FieldError(field: "name", message: "Enter a name."))
        } else if name.count > 200 {
            problems.append(FieldError(field: "name", message: "Keep the name under 200 characters."))
        }
        if choices.baseURL.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(FieldError(field: "base_url", message: "Enter the API's base URL: the schema gives none."))
        } else if let problem = urlProblem(choices.baseURL) {
            problems.append(FieldError(field: "base_url", message: problem))
        }
        if case .oauth2(let settings) = choices.auth, settings.grant == .clientCredentials, choices.scope != .global {
            problems.append(
                FieldError(
                    field: "scope",
                    message: "The client-credentials grant uses the company's client, not each member's account: choose Global scope."))
        }
        problems += authProblems(choices.auth, secrets: secrets, stored: storedSecrets, requireConnectionSecrets: requireConnectionSecrets)
        if checkActions { problems += actionNameProblems(choices.actions.map(\.name)) }
        return problems
    }

    /// Problems with a member's own connection secrets for `auth`.
    public static func connectionProblems(_ auth: AuthConfiguration, secrets: CredentialSecrets, stored: CredentialSecrets) -> [FieldError]
    {
        connectionSecretProblems(auth, merged: stored.merged(with: secrets), given: secrets)
    }

    /// Empty, too long and duplicate names (compared case-insensitively), by position.
    public static func actionNameProblems(_ names: [String]) -> [FieldError] {
        var problems: [FieldError] = []
        var seen: Set<String> = []
        for (index, raw) in names.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let field = "actions.\(index).name"
            if name.isEmpty {
                problems.append(FieldError(field: field, message: "Enter a name for this action."))
            } else if name.count > maximumActionNameLength {
                problems.append(FieldError(field: field, message: "Keep action names to \(maximumActionNameLength) characters."))
            } else if !seen.insert(name.lowercased()).inserted {
                problems.append(FieldError(field: field, message: "Another action is already called \(name)."))
            }
        }
        return problems
    }

    /// Why `text` is not an absolute http(s) URL with a host, or nil.
    public static func urlProblem(_ text: String) -> String? {
        let lowercased = text.lowercased()
        guard lowercased.hasPrefix("http://") || lowercased.hasPrefix("https://") else {
            return "Use an http:// or https:// URL."
        }
        guard !text.contains(where: { $0.isWhitespace || $0.isNewline }) else { return "A URL has no spaces or line breaks." }
        let afterScheme = text.drop { $0 != "/" }.dropFirst(2)
        let host = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, !host.hasPrefix(":"), !host.contains("@") else { return "The URL needs a host name." }
        return nil
    }

    /// Whether `name` is a field-name token (RFC 9110 §5.1, §5.6.2: tchar).
    public static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(isTokenCharacter)
    }

    /// Whether `value` can be sent as a field value: no CR, LF or NUL (RFC 9110 §5.5).
    public static func isHeaderValue(_ value: String) -> Bool {
        !value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }
    }

    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    private static func authProblems(
        _ auth: AuthConfiguration, secrets: CredentialSecrets, stored: CredentialSecrets, requireConnectionSecrets: Bool
    ) -> [FieldError] {
        var problems: [FieldError] = []
        let merged = stored.merged(with: secrets)
        switch auth {
        case .none, .bearer, .basic: break
        case .customHeaders(let names):
            if names.isEmpty { problems.append(FieldError(field: "auth.header_names.0", message: "Add at least one header.")) }
            problems += headerNameProblems(names, field: "auth.header_names")
        case .apiKeyQuery(let name):
            if name.isEmpty || name.contains(where: { $0.isWhitespace || "&=#".contains($0) }) {
                problems.append(
                    FieldError(field: "auth.parameter_name", message: "Enter the query parameter's name (no spaces, &, = or #)."))
            }
        case .oauth2(let settings):
            // The client-credentials grant never sends anyone to the provider (RFC 6749 §4.4).
            if settings.grant == .authorizationCode, let problem = urlProblem(settings.authorizationURL) {
                problems.append(FieldError(field: "auth.authorization_url", message: problem))
            }
            if let problem = urlProblem(settings.tokenURL) { problems.append(FieldError(field: "auth.token_url", message: problem)) }
            if settings.clientID.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(FieldError(field: "auth.client_id", message: "Enter the client ID."))
            }
            // RFC 6749 §4.4: only a confidential client may use the client-credentials grant.
            if settings.grant == .clientCredentials, (merged.clientSecret ?? "").isEmpty {
                problems.append(FieldError(field: "secrets.client_secret", message: "Enter the client secret: client credentials need it."))
            }
            for (index, parameter) in settings.extraAuthorizationParameters.enumerated() where parameter.name.isEmpty {
                problems.append(FieldError(field: "auth.extra_parameters.\(index)", message: "Enter the parameter's name."))
            }
            problems += headerNameProblems(settings.staticHeaderNames, field: "auth.static_header_names")
            for (index, name) in settings.staticHeaderNames.enumerated() {
                if let value = value(named: name, in: merged.staticHeaderValues), !isHeaderValue(value) {
                    problems.append(
                        FieldError(field: "secrets.static_header.\(index)", message: "A header value cannot hold a line break."))
                } else if value(named: name, in: merged.staticHeaderValues) == nil {
                    problems.append(FieldError(field: "secrets.static_header.\(index)", message: "Enter the value of \(name)."))
                }
            }
        }
        if requireConnectionSecrets {
            problems += connectionSecretProblems(auth, merged: merged, given: secrets)
        }
        return problems
    }

    private static func connectionSecretProblems(_ auth: AuthConfiguration, merged: CredentialSecrets, given: CredentialSecrets)
        -> [FieldError]
    {
        var problems: [FieldError] = []
        func require(_ value: String?, _ field: String, _ label: String) {
            guard let value, !value.isEmpty else {
                problems.append(FieldError(field: field, message: "Enter \(label)."))
                return
            }
            if !isHeaderValue(value) {
                problems.append(FieldError(field: field, message: "\(label.capitalized) cannot hold a line break."))
            }
        }
        switch auth {
        case .none, .oauth2: break
        case .bearer: require(merged.token, "secrets.token", "the token")
        case .apiKeyQuery: require(merged.token, "secrets.token", "the API key")
        case .basic(let preEncoded):
            if preEncoded {
                require(merged.encodedBasic, "secrets.token", "the encoded credentials")
            } else {
                require(merged.username, "secrets.username", "the username")
                require(merged.password, "secrets.password", "the password")
                if merged.username?.contains(":") == true {
                    problems.append(
                        FieldError(field: "secrets.username", message: "A basic auth username cannot contain a colon (RFC 7617 §2)."))
                }
            }
        case .customHeaders(let names):
            for (index, name) in names.enumerated() {
                require(value(named: name, in: merged.headerValues), "secrets.header.\(index)", "the value of \(name)")
            }
        }
        return problems
    }

    private static func headerNameProblems(_ names: [String], field: String) -> [FieldError] {
        var problems: [FieldError] = []
        var seen: Set<String> = []
        for (index, name) in names.enumerated() {
            if !isHeaderName(name) {
                problems.append(
                    FieldError(
                        field: "\(field).\(index)",
                        message: "Use letters, digits and - _ . ! # $ % & ' * + ^ ` | ~ only (no spaces or colons)."))
            } else if !seen.insert(name.lowercased()).inserted {
                problems.append(FieldError(field: "\(field).\(index)", message: "\(name) is listed twice."))
            }
        }
        return problems
    }

    /// The value stored under a header name, compared case-insensitively.
    static func value(named name: String, in values: [String: String]) -> String? {
        values.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
