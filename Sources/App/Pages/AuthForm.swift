import Foundation
import Core
import Templates
import Web

/// The scope and authorization part of the integration forms: read from a posted form, turned
/// into an ``AuthConfiguration`` and ``CredentialSecrets``, and back into template values.
///
/// Rows (custom headers, extra authorization parameters, static headers) are added and removed
/// by submit buttons named `intent` (`add:header`, `remove:header:2`), so no JavaScript is needed.
/// Secret inputs are never filled back in: the page shows the stored hint instead.
struct AuthForm {
    enum Method: String, CaseIterable {
        case none, bearer, basic, headers, query, oauth2

        var label: String {
            switch self {
            case .none: "None"
            case .bearer: "Bearer token"
            case .basic: "Basic auth"
            case .headers: "Custom headers"
            case .query: "API key in query"
            case .oauth2: "OAuth 2.0"
            }
        }
    }

    /// The kinds of name/value rows and the form field prefix of each.
    enum RowKind: String, CaseIterable {
        case header, param, staticHeader = "static"
    }

    var scope: IntegrationScope = .global
    var method: Method = .none
    var basicEncoded = false
    var queryName = ""
    var oauth = OAuthClientSettings(authorizationURL: "", tokenURL: "", clientID: "")
    /// Name/value rows by kind; values of header and static rows are secrets (never shown back).
    var rows: [RowKind: [NameValue]] = [:]
    var secrets = CredentialSecrets()

    init() {}

    /// The form as the schema suggests (Add) or as stored (edit).
    init(scope: IntegrationScope, auth: AuthConfiguration) {
        self.scope = scope
        switch auth {
        case .none: method = .none
        case .bearer: method = .bearer
        case .basic(let preEncoded):
            method = .basic
            basicEncoded = preEncoded
        case .customHeaders(let names):
            method = .headers
            rows[.header] = names.map { NameValue(name: $0, value: "") }
        case .apiKeyQuery(let name):
            method = .query
            queryName = name
        case .oauth2(let settings):
            method = .oauth2
            oauth = settings
            rows[.param] = settings.extraAuthorizationParameters
            rows[.staticHeader] = settings.staticHeaderNames.map { NameValue(name: $0, value: "") }
        }
    }

    /// Reads the posted fields, then applies a row intent (`add:header`, `remove:param:1`) if any.
    init(form: FormFields) {
        scope = IntegrationScope(rawValue: form["scope"] ?? "") ?? .global
        method = Method(rawValue: form["auth_method"] ?? "") ?? .none
        basicEncoded = form["basic_mode"] == "encoded"
        queryName = (form["query_name"] ?? "").trimmingCharacters(in: .whitespaces)
        oauth = OAuthClientSettings(
            authorizationURL: trimmed(form["oauth_authorization_url"]), tokenURL: trimmed(form["oauth_token_url"]),
            clientID: trimmed(form["oauth_client_id"]),
            scopes: (form["oauth_scopes"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init),
            tokenEndpointAuthentication: OAuthClientSettings.TokenEndpointAuthentication(rawValue: form["oauth_token_auth"] ?? "")
                ?? .basicHeader,
            grant: OAuthClientSettings.Grant(rawValue: form["oauth_grant"] ?? "") ?? .authorizationCode)
        for kind in RowKind.allCases {
            let names = form.values("\(kind.rawValue)_name")
            let values = form.values("\(kind.rawValue)_value")
            rows[kind] = names.indices.map { NameValue(name: names[$0].trimmingCharacters(in: .whitespaces), value: $0 < values.count ? values[$0] : "") }
        }
        if let intent = form["intent"] { applyRowIntent(intent) }
        let headerRows = rows[.header] ?? []
        let staticRows = rows[.staticHeader] ?? []
        secrets = CredentialSecrets(
            token: method == .query ? form["query_value"] : form["bearer_token"], username: form["basic_username"],
            password: form["basic_password"], encodedBasic: form["basic_encoded"],
            headerValues: Dictionary(headerRows.filter { !$0.name.isEmpty }.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
            clientSecret: form["oauth_client_secret"],
            staticHeaderValues: Dictionary(staticRows.filter { !$0.name.isEmpty }.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Whether the post only added or removed a row (re-render, save nothing).
    static func isRowIntent(_ intent: String?) -> Bool {
        intent?.hasPrefix("add:") == true || intent?.hasPrefix("remove:") == true
    }

    private mutating func applyRowIntent(_ intent: String) {
        let parts = intent.split(separator: ":").map(String.init)
        guard parts.count >= 2, let kind = RowKind(rawValue: parts[1]) else { return }
        var list = rows[kind] ?? []
        if parts[0] == "add" { list.append(NameValue(name: "", value: "")) }
        if parts[0] == "remove", parts.count == 3, let index = Int(parts[2]), list.indices.contains(index) { list.remove(at: index) }
        rows[kind] = list
    }

    var configuration: AuthConfiguration {
        switch method {
        case .none: .none
        case .bearer: .bearer
        case .basic: .basic(preEncoded: basicEncoded)
        case .headers: .customHeaders((rows[.header] ?? []).map(\.name).filter { !$0.isEmpty })
        case .query: .apiKeyQuery(queryName)
        case .oauth2:
            .oauth2(OAuthClientSettings(
                authorizationURL: oauth.authorizationURL, tokenURL: oauth.tokenURL, clientID: oauth.clientID, scopes: oauth.scopes,
                extraAuthorizationParameters: (rows[.param] ?? []).filter { !$0.name.isEmpty },
                staticHeaderNames: (rows[.staticHeader] ?? []).map(\.name).filter { !$0.isEmpty },
                tokenEndpointAuthentication: oauth.tokenEndpointAuthentication, grant: oauth.grant))
        }
    }

    /// Template values; `hints` are the stored secrets' hints ("set · ends in …4f2a").
    /// `errors` are keyed as the store reports them (`auth.token_url`, `secrets.header.1`); the
    /// template sees them with `_` for `.` (`errors.auth_token_url`) and each row its own.
    func templateValue(hints: [String: String] = [:], errors: [String: String] = [:]) -> TemplateValue {
        func rowError(_ kind: RowKind, _ index: Int) -> String? {
            switch kind {
            case .header: errors["auth.header_names.\(index)"] ?? errors["secrets.header.\(index)"]
            case .param: errors["auth.extra_parameters.\(index)"]
            case .staticHeader: errors["auth.static_header_names.\(index)"] ?? errors["secrets.static_header.\(index)"]
            }
        }
        func rowValues(_ kind: RowKind, secretValues: Bool) -> TemplateValue {
            .list((rows[kind] ?? []).enumerated().map { index, row in
                let hintKey = (kind == .header ? "header:" : "staticHeader:") + row.name
                return [
                    "index": .int(index), "name": .string(row.name),
                    "value": secretValues ? .null : .string(row.value),
                    "hint": secretValues ? hints[hintKey].map { .string($0) } ?? .null : .null,
                    "error": rowError(kind, index).map { .string($0) } ?? .null,
                    "removeIntent": .string("remove:\(kind.rawValue):\(index)"),
                ]
            })
        }
        var flatErrors: [String: TemplateValue] = [:]
        for (key, message) in errors { flatErrors[key.replacingOccurrences(of: ".", with: "_")] = .string(message) }
        return [
            "scopes": .list(IntegrationScope.allCases.map { scope in
                ["value": .string(scope.rawValue), "label": .string(scope.label), "checked": .bool(scope == self.scope)]
            }),
            "isPerUser": .bool(scope == .perUser),
            "methods": .list(Method.allCases.map { method in
                ["value": .string(method.rawValue), "label": .string(method.label), "checked": .bool(method == self.method)]
            }),
            "basicEncoded": .bool(basicEncoded),
            "queryName": .string(queryName),
            "oauth": [
                "authorizationURL": .string(oauth.authorizationURL), "tokenURL": .string(oauth.tokenURL),
                "clientID": .string(oauth.clientID), "scopes": .string(oauth.scopes.joined(separator: ", ")),
                "bodyAuth": .bool(oauth.tokenEndpointAuthentication == .requestBody),
                "clientCredentials": .bool(oauth.grant == .clientCredentials),
            ],
            "headerRows": rowValues(.header, secretValues: true),
            "paramRows": rowValues(.param, secretValues: false),
            "staticRows": rowValues(.staticHeader, secretValues: true),
            "hints": .dictionary(hints.mapValues { .string($0) }),
            "hasStoredSecrets": .bool(!hints.isEmpty),
            "errors": .dictionary(flatErrors),
        ]
    }
}

private func trimmed(_ value: String?) -> String {
    (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
}
