import YAML

/// The translate stage for Swagger 2.0 documents, into the OpenAPI 3 shaped model.
struct Swagger2Translator {
    let context: TranslationContext

    func translate(_ root: OrderedObject, version: SpecVersion) -> APIDocument {
        let info = root["info"]?.objectValue ?? OrderedObject()
        let consumes = Self.strings(root["consumes"]) ?? ["application/json"]
        let produces = Self.strings(root["produces"]) ?? ["application/json"]
        var operations: [APIOperation] = []
        var locations: [Location] = []
        for entry in PathWalker.entries(of: root, context: context) {
            operations.append(operation(entry, consumes: consumes, produces: produces))
            locations.append(entry.operationLocation)
        }
        context.reportDuplicateOperationIDs(operations, locations: locations)
        let baseURL = baseURL(root)
        return APIDocument(
            specVersion: version, title: info["title"]?.stringValue ?? "", description: info["description"]?.stringValue,
            version: info["version"]?.stringValue ?? "", baseURL: baseURL, serverURLs: baseURL.map { [$0] } ?? [], operations: operations,
            securitySchemes: securitySchemes(root),
            security: context.securityRequirements(root["security"], at: Location.root.appending("security")) ?? [],
            schemas: context.schemas)
    }

    private func operation(_ entry: PathWalker.Entry, consumes documentConsumes: [String], produces documentProduces: [String]) -> APIOperation {
        let object = entry.operation
        let location = entry.operationLocation
        let consumes = Self.strings(object["consumes"]) ?? documentConsumes
        let produces = Self.strings(object["produces"]) ?? documentProduces
        var parameters: [(object: OrderedObject, location: Location)] = []
        for (value, listLocation) in [
            (entry.pathItem["parameters"], entry.pathItemLocation.appending("parameters")),
            (object["parameters"], location.appending("parameters")),
        ] {
            guard case .array(let list)? = value else { continue }
            for (index, element) in list.enumerated() {
                guard let resolved = context.dereference(element, at: listLocation.appending(index)) else { continue }
                // Swagger 2.0 §4.3.3: an operation's parameter overrides the path's of the same name and location.
                if let existing = parameters.firstIndex(where: {
                    $0.object["name"] == resolved.object["name"] && $0.object["in"] == resolved.object["in"]
                }) {
                    parameters[existing] = resolved
                } else {
                    parameters.append(resolved)
                }
            }
        }
        var result: [Parameter] = []
        var requestBody: RequestBody?
        var formFields: [(object: OrderedObject, location: Location)] = []
        for (parameterObject, parameterLocation) in parameters {
            let name = parameterObject["name"]?.stringValue ?? ""
            switch parameterObject["in"]?.stringValue {
            case "body":
                let schema = parameterObject["schema"].map {
                    context.inlined(context.schema(from: $0, at: parameterLocation.appending("schema")))
                }
                requestBody = RequestBody(
                    description: parameterObject["description"]?.stringValue,
                    isRequired: parameterObject["required"]?.boolValue ?? false,
                    content: consumes.map { MediaType(contentType: $0, schema: schema) })
            case "formData":
                formFields.append((parameterObject, parameterLocation))
            case let place?:
                guard let location = Parameter.Location(rawValue: place), !name.isEmpty else {
                    context.warn("parameter needs a name and a valid \"in\"; skipped", at: parameterLocation)
                    continue
                }
                result.append(parameter(parameterObject, name: name, location: location, at: parameterLocation))
            case nil:
                context.warn("parameter without \"in\" skipped", at: parameterLocation)
            }
        }
        if !formFields.isEmpty {
            requestBody = formBody(formFields, consumes: consumes)
        }
        return APIOperation(
            name: "", method: entry.method, pathTemplate: entry.path, operationID: object["operationId"]?.stringValue,
            summary: object["summary"]?.stringValue, description: object["description"]?.stringValue,
            tags: object["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            isDeprecated: object["deprecated"]?.boolValue ?? false, parameters: result, requestBody: requestBody,
            responses: responses(object["responses"], produces: produces, at: location.appending("responses")),
            security: context.securityRequirements(object["security"], at: location.appending("security")),
            isConsequential: object["x-openai-isConsequential"]?.boolValue)
    }

    /// A non-body parameter: its schema is the parameter object itself (Swagger 2.0 §4.3.3).
    private func parameter(_ object: OrderedObject, name: String, location place: Parameter.Location, at location: Location) -> Parameter {
        var schema = context.schema(from: .object(object), at: location)
        schema.description = nil
        // Swagger 2.0 `collectionFormat` mapped to OpenAPI 3 style and explode; csv is the default.
        var style: Parameter.Style?
        var explode = false
        switch object["collectionFormat"]?.stringValue ?? "csv" {
        case "multi": style = .form; explode = true
        case "ssv": style = .spaceDelimited
        case "pipes": style = .pipeDelimited
        case "tsv":
            context.warn("collectionFormat tsv has no OpenAPI 3 equivalent; sent comma-separated", at: location)
        default: break
        }
        return Parameter(
            name: name, location: place, isRequired: object["required"]?.boolValue ?? false, schema: schema,
            style: place == .query ? style : nil, explode: explode, description: object["description"]?.stringValue)
    }

    /// `formData` parameters become one object body, multipart when a file is uploaded.
    private func formBody(_ fields: [(object: OrderedObject, location: Location)], consumes: [String]) -> RequestBody {
        var schema = Schema()
        schema.types = [.object]
        var hasFile = false
        for (object, location) in fields {
            guard let name = object["name"]?.stringValue else { continue }
            if object["type"]?.stringValue == "file" { hasFile = true }
            schema.properties.append(Schema.Property(name: name, schema: context.schema(from: .object(object), at: location)))
            if object["required"]?.boolValue == true { schema.requiredProperties.append(name) }
        }
        let formTypes = consumes.filter { $0.hasPrefix("multipart/form-data") || $0.hasPrefix("application/x-www-form-urlencoded") }
        let contentTypes = formTypes.isEmpty ? [hasFile ? "multipart/form-data" : "application/x-www-form-urlencoded"] : formTypes
        return RequestBody(
            description: nil, isRequired: !schema.requiredProperties.isEmpty,
            content: contentTypes.map { MediaType(contentType: $0, schema: schema) })
    }

    private func responses(_ value: OrderedValue?, produces: [String], at location: Location) -> [Response] {
        guard case .object(let responses)? = value else { return [] }
        var result: [Response] = []
        for entry in responses.entries where !entry.key.hasPrefix("x-") {
            guard let (object, responseLocation) = context.dereference(entry.value, at: location.appending(entry.key)) else { continue }
            let schema = object["schema"].map { context.schema(from: $0, at: responseLocation.appending("schema")) }
            result.append(
                Response(
                    statusCode: entry.key, description: object["description"]?.stringValue,
                    content: schema.map { schema in produces.map { MediaType(contentType: $0, schema: schema) } } ?? []))
        }
        return result
    }

    /// `schemes`, `host` and `basePath` (Swagger 2.0 §4.3.1); https preferred when offered.
    private func baseURL(_ root: OrderedObject) -> String? {
        let schemes = Self.strings(root["schemes"]) ?? []
        let basePath = root["basePath"]?.stringValue ?? ""
        guard let host = root["host"]?.stringValue, !host.isEmpty else {
            // Without a host, the host serving the documentation is meant.
            if let url = context.absoluteServerURL(basePath.isEmpty ? "/" : basePath) { return url }
            context.warn("no host: the base URL must be set by hand", at: Location.root)
            return nil
        }
        let scheme = schemes.contains { $0 == "https" } ? "https" : (schemes.first ?? "https")
        return context.absoluteServerURL("\(scheme)://\(host)\(basePath)")
    }

    private func securitySchemes(_ root: OrderedObject) -> [SecurityScheme] {
        guard case .object(let definitions)? = root["securityDefinitions"] else { return [] }
        let location = Location.root.appending("securityDefinitions")
        var result: [SecurityScheme] = []
        for entry in definitions.entries {
            guard case .object(let object) = entry.value else { continue }
            let kind: SecurityScheme.Kind
            switch object["type"]?.stringValue {
            case "basic":
                kind = .http(scheme: "basic", bearerFormat: nil)
            case "apiKey":
                guard let name = object["name"]?.stringValue,
                    let place = object["in"]?.stringValue.flatMap(SecurityScheme.APIKeyLocation.init(rawValue:))
                else {
                    context.warn("apiKey scheme needs \"name\" and \"in\"; skipped", at: location.appending(entry.key))
                    continue
                }
                kind = .apiKey(name: name, location: place)
            case "oauth2":
                let flow = SecurityScheme.OAuthFlow(
                    authorizationURL: object["authorizationUrl"]?.stringValue, tokenURL: object["tokenUrl"]?.stringValue,
                    refreshURL: nil, scopes: context.scopes(object["scopes"]))
                var flows = SecurityScheme.OAuthFlows()
                switch object["flow"]?.stringValue {
                case "accessCode": flows.authorizationCode = flow
                case "application": flows.clientCredentials = flow
                case "implicit": flows.implicit = flow
                case "password": flows.password = flow
                default:
                    context.warn("unknown OAuth flow; skipped", at: location.appending(entry.key).appending("flow"))
                    continue
                }
                kind = .oauth2(flows)
            default:
                context.warn("unknown security scheme type; skipped", at: location.appending(entry.key).appending("type"))
                continue
            }
            result.append(SecurityScheme(name: entry.key, kind: kind, description: object["description"]?.stringValue))
        }
        return result
    }

    private static func strings(_ value: OrderedValue?) -> [String]? {
        guard case .array(let values)? = value else { return nil }
        let strings = values.compactMap(\.stringValue)
        return strings.isEmpty ? nil : strings
    }
}
