import YAML

/// The translate stage for OpenAPI 3.0 and 3.1 documents.
struct OpenAPI3Translator {
    let context: TranslationContext

    func translate(_ root: OrderedObject, version: SpecVersion) -> APIDocument {
        let info = root["info"]?.objectValue ?? OrderedObject()
        var operations: [APIOperation] = []
        var locations: [Location] = []
        for entry in PathWalker.entries(of: root, context: context) {
            operations.append(operation(entry))
            locations.append(entry.operationLocation)
        }
        context.reportDuplicateOperationIDs(operations, locations: locations)
        if case .object(let webhooks)? = root["webhooks"], !webhooks.isEmpty {
            context.note("\(webhooks.count) webhook(s) describe calls the API makes, not actions; not imported", at: Location.root.appending("webhooks"))
        }
        let baseURL = baseURL(servers: root["servers"], at: Location.root.appending("servers"), isDocumentLevel: true)
        return APIDocument(
            specVersion: version, title: info["title"]?.stringValue ?? "", description: info["description"]?.stringValue,
            version: info["version"]?.stringValue ?? "", baseURL: baseURL,
            serverURLs: serverURLs(root["servers"], startingWith: baseURL), operations: operations, securitySchemes: securitySchemes(root),
            security: context.securityRequirements(root["security"], at: Location.root.appending("security")) ?? [],
            schemas: context.schemas)
    }

    private func operation(_ entry: PathWalker.Entry) -> APIOperation {
        let object = entry.operation
        let location = entry.operationLocation
        var parameters: [Parameter] = []
        for (value, listLocation) in [
            (entry.pathItem["parameters"], entry.pathItemLocation.appending("parameters")),
            (object["parameters"], location.appending("parameters")),
        ] {
            guard case .array(let list)? = value else { continue }
            for (index, element) in list.enumerated() {
                guard let parameter = parameter(element, at: listLocation.appending(index)) else { continue }
                // OpenAPI 3.1 §4.8.10.1: an operation's parameter overrides the path item's of the same name and location.
                if let existing = parameters.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                    parameters[existing] = parameter
                } else {
                    parameters.append(parameter)
                }
            }
        }
        let servers = object["servers"] ?? entry.pathItem["servers"]
        return APIOperation(
            name: "", method: entry.method, pathTemplate: entry.path, operationID: object["operationId"]?.stringValue,
            summary: object["summary"]?.stringValue ?? entry.pathItem["summary"]?.stringValue,
            description: object["description"]?.stringValue ?? entry.pathItem["description"]?.stringValue,
            tags: object["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            isDeprecated: object["deprecated"]?.boolValue ?? false, parameters: parameters,
            requestBody: object["requestBody"].flatMap { requestBody($0, at: location.appending("requestBody")) },
            responses: responses(object["responses"], at: location.appending("responses")),
            security: context.securityRequirements(object["security"], at: location.appending("security")),
            baseURL: servers.flatMap { baseURL(servers: $0, at: location.appending("servers"), isDocumentLevel: false) },
            isConsequential: object["x-openai-isConsequential"]?.boolValue)
    }

    private func parameter(_ value: OrderedValue, at location: Location) -> Parameter? {
        guard let (object, location) = context.dereference(value, at: location) else { return nil }
        guard let name = object["name"]?.stringValue else {
            context.warn("parameter without a name skipped", at: location)
            return nil
        }
        guard let place = object["in"]?.stringValue.flatMap(Parameter.Location.init(rawValue:)) else {
            context.warn("parameter \"\(name)\" has no valid \"in\" (path, query, header or cookie); skipped", at: location)
            return nil
        }
        var schema = object["schema"].map { context.inlined(context.schema(from: $0, at: location.appending("schema"))) }
        var contentType: String?
        if schema == nil, case .object(let content)? = object["content"], let first = content.entries.first {
            contentType = first.key
            schema = first.value["schema"].map {
                context.inlined(context.schema(from: $0, at: location.appending("content").appending(first.key).appending("schema")))
            }
        }
        var style: Parameter.Style?
        if let styleName = object["style"]?.stringValue {
            style = Parameter.Style(rawValue: styleName)
            if style == nil { context.warn("unknown parameter style \"\(styleName)\"; the default is used", at: location.appending("style")) }
        }
        if place == .path && object["required"]?.boolValue != true {
            context.warn("path parameter \"\(name)\" must be required; treated as required", at: location)
        }
        return Parameter(
            name: name, location: place, isRequired: object["required"]?.boolValue ?? false, schema: schema, style: style,
            explode: object["explode"]?.boolValue, allowsReserved: object["allowReserved"]?.boolValue ?? false,
            contentType: contentType, description: object["description"]?.stringValue,
            isDeprecated: object["deprecated"]?.boolValue ?? false)
    }

    private func requestBody(_ value: OrderedValue, at location: Location) -> RequestBody? {
        guard let (object, location) = context.dereference(value, at: location) else { return nil }
        let content = mediaTypes(object["content"], at: location.appending("content"), inline: true)
        return RequestBody(description: object["description"]?.stringValue, isRequired: object["required"]?.boolValue ?? false, content: content)
    }

    private func responses(_ value: OrderedValue?, at location: Location) -> [Response] {
        guard case .object(let responses)? = value else { return [] }
        var result: [Response] = []
        for entry in responses.entries where !entry.key.hasPrefix("x-") {
            guard let (object, responseLocation) = context.dereference(entry.value, at: location.appending(entry.key)) else { continue }
            result.append(
                Response(
                    statusCode: entry.key, description: object["description"]?.stringValue,
                    content: mediaTypes(object["content"], at: responseLocation.appending("content"), inline: false)))
        }
        return result
    }

    private func mediaTypes(_ value: OrderedValue?, at location: Location, inline: Bool) -> [MediaType] {
        guard case .object(let content)? = value else { return [] }
        return content.entries.map { entry in
            let schema = entry.value["schema"].map { context.schema(from: $0, at: location.appending(entry.key).appending("schema")) }
            return MediaType(contentType: entry.key, schema: inline ? schema.map(context.inlined) : schema)
        }
    }

    /// The first server's URL with its variables' defaults, made absolute (OpenAPI 3.1 §4.8.5).
    private func baseURL(servers: OrderedValue?, at location: Location, isDocumentLevel: Bool) -> String? {
        guard case .array(let list)? = servers, case .object(let server)? = list.first, server["url"]?.stringValue != nil else {
            if isDocumentLevel {
                // OpenAPI 3.1 §4.8.1: without servers, the default is "/" on the schema's own host.
                if let url = context.absoluteServerURL("/") { return url }
                context.warn("no servers: the base URL must be set by hand", at: location)
            }
            return nil
        }
        switch serverURL(server) {
        case .absolute(let url):
            return url
        case .variableWithoutDefault(let template):
            context.warn("server URL \"\(template)\" has a variable without a default", at: location)
        case .relative(let url):
            context.warn("server URL \"\(url)\" is relative and the schema has no http(s) location to resolve it against; the base URL must be set by hand", at: location.appending(0))
        }
        return nil
    }

    /// The base URL, then every other document-level server's absolute URL, in order and
    /// without repeats; a variable with an `enum` ("us", "eu") also gives the URL with each of
    /// its other values.
    private func serverURLs(_ servers: OrderedValue?, startingWith baseURL: String?) -> [String] {
        var urls = baseURL.map { [$0] } ?? []
        guard case .array(let list)? = servers else { return urls }
        for case .object(let server) in list where server["url"]?.stringValue != nil {
            for choice in [[:]] + Self.alternativeValues(server) {
                if case .absolute(let url) = serverURL(server, choosing: choice), !urls.contains(url) { urls.append(url) }
                // A list to choose from, not every combination of every variable.
                if urls.count >= Self.maximumServerURLs { return urls }
            }
        }
        return urls
    }

    private static let maximumServerURLs = 20

    /// For each variable with an `enum`, each value other than its default, as a one-variable choice.
    private static func alternativeValues(_ server: OrderedObject) -> [[String: String]] {
        guard case .object(let variables)? = server["variables"] else { return [] }
        var choices: [[String: String]] = []
        for variable in variables.entries {
            guard case .array(let values)? = variable.value["enum"] else { continue }
            let defaultValue = variable.value["default"].flatMap(scalarText)
            for value in values.compactMap(scalarText) where value != defaultValue { choices.append([variable.key: value]) }
        }
        return choices
    }

    /// What a Server Object's URL becomes.
    private enum ServerURL {
        case absolute(String)
        case variableWithoutDefault(template: String)
        case relative(String)
    }

    /// A server's URL with its variables' defaults (or the values in `choice`), made absolute;
    /// the server must have a `url`.
    private func serverURL(_ server: OrderedObject, choosing choice: [String: String] = [:]) -> ServerURL {
        let template = server["url"]?.stringValue ?? ""
        var url = template
        if case .object(let variables)? = server["variables"] {
            for variable in variables.entries {
                guard let value = choice[variable.key] ?? variable.value["default"].flatMap(Self.scalarText) else { continue }
                url = url.replacing("{\(variable.key)}", with: value)
            }
        }
        guard !url.utf8.contains(UInt8(ascii: "{")) else { return .variableWithoutDefault(template: template) }
        guard let absolute = context.absoluteServerURL(url) else { return .relative(url) }
        return .absolute(absolute)
    }

    private static func scalarText(_ value: OrderedValue) -> String? {
        switch value {
        case .string(let string): return string
        case .int(let integer): return String(integer)
        default: return nil
        }
    }

    private func securitySchemes(_ root: OrderedObject) -> [SecurityScheme] {
        guard case .object(let schemes)? = root["components"]?["securitySchemes"] else { return [] }
        let location = Location.root.appending("components").appending("securitySchemes")
        var result: [SecurityScheme] = []
        for entry in schemes.entries {
            guard let (object, schemeLocation) = context.dereference(entry.value, at: location.appending(entry.key)) else { continue }
            let kind: SecurityScheme.Kind
            switch object["type"]?.stringValue {
            case "apiKey":
                guard let name = object["name"]?.stringValue,
                    let place = object["in"]?.stringValue.flatMap(SecurityScheme.APIKeyLocation.init(rawValue:))
                else {
                    context.warn("apiKey scheme needs \"name\" and \"in\" (header, query or cookie); skipped", at: schemeLocation)
                    continue
                }
                kind = .apiKey(name: name, location: place)
            case "http":
                kind = .http(scheme: (object["scheme"]?.stringValue ?? "").lowercased(), bearerFormat: object["bearerFormat"]?.stringValue)
            case "oauth2":
                let flows = object["flows"]?.objectValue ?? OrderedObject()
                kind = .oauth2(
                    SecurityScheme.OAuthFlows(
                        authorizationCode: flow(flows["authorizationCode"]), clientCredentials: flow(flows["clientCredentials"]),
                        implicit: flow(flows["implicit"]), password: flow(flows["password"])))
            case "openIdConnect":
                kind = .openIDConnect(url: object["openIdConnectUrl"]?.stringValue ?? "")
            case "mutualTLS":
                kind = .mutualTLS
            default:
                context.warn("unknown security scheme type; skipped", at: schemeLocation.appending("type"))
                continue
            }
            result.append(SecurityScheme(name: entry.key, kind: kind, description: object["description"]?.stringValue))
        }
        return result
    }

    private func flow(_ value: OrderedValue?) -> SecurityScheme.OAuthFlow? {
        guard case .object(let flow)? = value else { return nil }
        return SecurityScheme.OAuthFlow(
            authorizationURL: flow["authorizationUrl"]?.stringValue, tokenURL: flow["tokenUrl"]?.stringValue,
            refreshURL: flow["refreshUrl"]?.stringValue, scopes: context.scopes(flow["scopes"]))
    }
}
