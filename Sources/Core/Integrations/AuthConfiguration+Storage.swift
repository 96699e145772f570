import Foundation

extension AuthConfiguration {
    /// The stored form of `auth_config`: one flat object whatever the method.
    private struct Stored: Codable {
        var kind: String?
        var preEncoded: Bool?
        var headerNames: [String]?
        var parameterName: String?
        var oauth: OAuthClientSettings?
    }

    /// The JSON text for `integrations.auth_config`.
    func configurationJSON() throws -> String {
        var stored = Stored()
        switch self {
        case .none, .bearer: break
        case .basic(let preEncoded): stored.preEncoded = preEncoded
        case .customHeaders(let names):
            stored.kind = "headers"
            stored.headerNames = names
        case .apiKeyQuery(let name):
            stored.kind = "api_key_query"
            stored.parameterName = name
        case .oauth2(let settings): stored.oauth = settings
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(stored), as: UTF8.self)
    }

    /// Reads the `auth_method` and `auth_config` columns back.
    static func fromColumns(method: String, configuration: String) throws -> AuthConfiguration {
        let stored: Stored
        do {
            stored = try JSONDecoder().decode(Stored.self, from: Data(configuration.utf8))
        } catch {
            throw DomainError(.invalid, "The stored authentication settings cannot be read.")
        }
        switch method {
        case "none": return .none
        case "bearer": return .bearer
        case "basic": return .basic(preEncoded: stored.preEncoded ?? false)
        case "headers":
            if stored.kind == "api_key_query", let name = stored.parameterName { return .apiKeyQuery(name) }
            return .customHeaders(stored.headerNames ?? [])
        case "oauth2":
            guard let settings = stored.oauth else { throw DomainError(.invalid, "The stored OAuth settings are missing.") }
            return .oauth2(settings)
        default: throw DomainError(.invalid, "Unknown authentication method \(method) in the database.")
        }
    }
}
