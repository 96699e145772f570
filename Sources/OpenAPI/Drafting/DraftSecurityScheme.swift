import YAML

/// An authentication method the documentation hints at, as an OpenAPI security scheme.
enum DraftSecurityScheme: Equatable {
    /// `Authorization: Bearer …` (RFC 6750).
    case bearer
    /// `Authorization: Basic …`, `curl -u` (RFC 7617).
    case basic
    /// An API key sent in a header or the query under `name`.
    case apiKey(name: String, location: String)
    /// OAuth 2.0 with the authorization and token URLs found so far (at least one of them).
    case oauth2(authorizationURL: String?, tokenURL: String?)

    /// The key under `components.securitySchemes`.
    var name: String {
        switch self {
        case .bearer: "bearerAuth"
        case .basic: "basicAuth"
        case .apiKey: "apiKeyAuth"
        case .oauth2: "oauth2"
        }
    }

    /// An OAuth scheme gains the URLs it lacked; other kinds keep what was seen first.
    mutating func merge(_ other: DraftSecurityScheme) {
        guard case .oauth2(let authorization, let token) = self, case .oauth2(let otherAuthorization, let otherToken) = other else {
            return
        }
        self = .oauth2(authorizationURL: authorization ?? otherAuthorization, tokenURL: token ?? otherToken)
    }

    /// The security scheme object (OpenAPI 3.0 §4.7.27).
    var object: OrderedObject {
        switch self {
        case .bearer:
            return OrderedObject(["type": .string("http"), "scheme": .string("bearer")])
        case .basic:
            return OrderedObject(["type": .string("http"), "scheme": .string("basic")])
        case .apiKey(let name, let location):
            return OrderedObject(["type": .string("apiKey"), "name": .string(name), "in": .string(location)])
        case .oauth2(let authorizationURL, let tokenURL):
            // §4.7.29: the authorization-code flow needs both URLs; an authorization URL alone is
            // the implicit flow, a token URL alone client credentials.
            var flows = OrderedObject()
            let scopes = OrderedValue.object(OrderedObject())
            switch (authorizationURL, tokenURL) {
            case (let authorization?, let token?):
                flows["authorizationCode"] = .object(
                    OrderedObject([
                        "authorizationUrl": .string(authorization), "tokenUrl": .string(token), "scopes": scopes,
                    ]))
            case (let authorization?, nil):
                flows["implicit"] = .object(OrderedObject(["authorizationUrl": .string(authorization), "scopes": scopes]))
            case (nil, let token?):
                flows["clientCredentials"] = .object(OrderedObject(["tokenUrl": .string(token), "scopes": scopes]))
            case (nil, nil):
                break
            }
            return OrderedObject(["type": .string("oauth2"), "flows": .object(flows)])
        }
    }
}
