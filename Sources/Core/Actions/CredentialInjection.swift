import Foundation
import HTTPCore

/// Puts credentials into a built request, last, so nothing the arguments set can override
/// them; also lists the values to redact and the header names that carry credentials.
struct CredentialInjection {
    /// What to inject: real secrets, or `[redacted]` placeholders for a preview.
    enum Source {
        case secrets(CredentialSecrets, accessToken: String?)
        case placeholders
    }

    var redactor = Redactor(secrets: [])
    var credentialHeaderNames: [String] = []

    mutating func inject(_ auth: AuthConfiguration, from source: Source, into request: inout BuiltRequest) {
        let secrets: CredentialSecrets
        var accessToken: String?
        switch source {
        case .secrets(let stored, let token):
            secrets = stored
            accessToken = token
        case .placeholders:
            let mark = Redactor.mark
            secrets = CredentialSecrets(
                token: mark, username: mark, password: mark, encodedBasic: mark,
                headerValues: Dictionary(uniqueKeysWithValues: Self.headerNames(auth).map { ($0, mark) }), clientSecret: nil,
                staticHeaderValues: Dictionary(uniqueKeysWithValues: Self.staticHeaderNames(auth).map { ($0, mark) }))
            accessToken = mark
        }
        var values = secrets.allValues
        switch auth {
        case .none: break
        case .bearer:
            request.setHeader("Authorization", "Bearer " + (secrets.token ?? ""))
        case .basic(let preEncoded):
            let encoded =
                preEncoded
                ? (secrets.encodedBasic ?? "")
                : Data("\(secrets.username ?? ""):\(secrets.password ?? "")".utf8).base64EncodedString()
            values.append(encoded)
            request.setHeader("Authorization", "Basic " + (isPlaceholder(source) ? Redactor.mark : encoded))
        case .customHeaders(let names):
            for name in names {
                request.setHeader(name, IntegrationValidation.value(named: name, in: secrets.headerValues) ?? "")
                credentialHeaderNames.append(name)
            }
        case .apiKeyQuery(let name):
            let encodedName = PercentEncoding.encode(name)
            request.query.removeAll { $0.0 == encodedName }
            request.query.append((encodedName, isPlaceholder(source) ? Redactor.mark : PercentEncoding.encode(secrets.token ?? "")))
        case .oauth2(let settings):
            if let accessToken {
                values.append(accessToken)
                request.setHeader("Authorization", "Bearer " + accessToken)
            }
            for name in settings.staticHeaderNames {
                if let value = IntegrationValidation.value(named: name, in: secrets.staticHeaderValues) {
                    request.setHeader(name, value)
                    credentialHeaderNames.append(name)
                }
            }
        }
        if !isPlaceholder(source) { redactor = Redactor(secrets: values) }
    }

    private func isPlaceholder(_ source: Source) -> Bool {
        if case .placeholders = source { return true }
        return false
    }

    private static func headerNames(_ auth: AuthConfiguration) -> [String] {
        if case .customHeaders(let names) = auth { return names }
        return []
    }

    private static func staticHeaderNames(_ auth: AuthConfiguration) -> [String] {
        if case .oauth2(let settings) = auth { return settings.staticHeaderNames }
        return []
    }
}
