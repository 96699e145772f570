import OpenAPI

/// What `openapi inspect` prints, as text or JSON.
struct InspectReport: Encodable {
    struct Action: Encodable {
        struct Argument: Encodable {
            var name: String
            var location: String
            var isRequired: Bool
            var type: String
        }

        var name: String
        var access: APIOperation.Access
        var method: String
        var path: String
        var operationID: String?
        var parameters: [Argument]
        var bodyContentTypes: [String]
    }

    var title: String
    var version: String
    var specVersion: String
    var baseURL: String?
    var securitySchemes: [SecurityScheme]
    var diagnostics: [Diagnostic]
    var actions: [Action]

    init(document: APIDocument, diagnostics: [Diagnostic]) {
        title = document.title
        version = document.version
        specVersion = document.specVersion.description
        baseURL = document.baseURL
        securitySchemes = document.securitySchemes
        self.diagnostics = diagnostics
        actions = document.operations.map { operation in
            Action(
                name: operation.name, access: operation.access, method: operation.method.rawValue, path: operation.pathTemplate,
                operationID: operation.operationID,
                parameters: operation.parameters.map {
                    Action.Argument(name: $0.name, location: $0.location.rawValue, isRequired: $0.isRequired, type: Self.typeName($0.schema))
                },
                bodyContentTypes: operation.requestBody?.content.map(\.contentType) ?? [])
        }
    }

    static func typeName(_ schema: Schema?) -> String {
        guard let schema else { return "any" }
        if let reference = schema.reference { return reference.split(separator: "/").last.map(String.init) ?? reference }
        guard let type = schema.types.first else { return schema.oneOf.isEmpty && schema.anyOf.isEmpty ? "any" : "one of" }
        if type == .array { return "array of \(typeName(schema.items))" }
        return type.rawValue + (schema.format.map { " (\($0))" } ?? "")
    }

    var text: String {
        var lines: [String] = []
        lines.append("\(title.isEmpty ? "(untitled)" : title) \(version) — \(specVersion)")
        lines.append("Base URL: \(baseURL ?? "(none: set it by hand)")")
        lines.append("Security schemes: \(securitySchemes.isEmpty ? "none" : String(securitySchemes.count))")
        for scheme in securitySchemes { lines.append("  \(scheme.name): \(Self.describe(scheme.kind))") }
        lines.append("Warnings: \(diagnostics.isEmpty ? "none" : String(diagnostics.count))")
        for diagnostic in diagnostics { lines.append("  \(diagnostic)") }
        lines.append("Actions: \(actions.count)")
        for action in actions {
            lines.append("  \(action.name) [\(action.access.rawValue)] \(action.method) \(action.path)")
            for parameter in action.parameters {
                lines.append("      \(parameter.location) \(parameter.name): \(parameter.type)\(parameter.isRequired ? ", required" : "")")
            }
            if !action.bodyContentTypes.isEmpty { lines.append("      body: \(action.bodyContentTypes.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ kind: SecurityScheme.Kind) -> String {
        switch kind {
        case .apiKey(let name, let location): return "API key in \(location.rawValue) \"\(name)\""
        case .http(let scheme, _): return "HTTP \(scheme)"
        case .openIDConnect(let url): return "OpenID Connect \(url)"
        case .mutualTLS: return "mutual TLS"
        case .oauth2(let flows):
            var parts: [String] = []
            if let flow = flows.authorizationCode {
                parts.append("authorization code (authorize \(flow.authorizationURL ?? "?"), token \(flow.tokenURL ?? "?"), \(flow.scopes.count) scopes)")
            }
            if let flow = flows.clientCredentials { parts.append("client credentials (token \(flow.tokenURL ?? "?"), \(flow.scopes.count) scopes)") }
            if flows.implicit != nil { parts.append("implicit") }
            if flows.password != nil { parts.append("password") }
            return "OAuth 2.0: " + parts.joined(separator: "; ")
        }
    }
}
