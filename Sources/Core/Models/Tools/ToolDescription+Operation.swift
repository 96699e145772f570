import OpenAPI

extension ToolDescription {
    /// The description of an imported operation.
    ///
    /// Path, query, header and cookie parameters become arguments under their own names; the
    /// properties of a JSON or form object body become arguments too; any other body (or one
    /// with a property named like a parameter) is one `body` argument. Headers that
    /// carry credentials (`Authorization`, `Cookie`, `Proxy-Authorization`) and read-only body
    /// properties are left out: the executor injects the first, the API sets the second. So are
    /// the parameters that carry an API key of `securitySchemes` (a document that also lists its
    /// `X-API-Key` header as a parameter must not have a model fill it in).
    ///
    /// - Parameters:
    ///   - name: the function name; ``FunctionName/make(for:)`` by default.
    ///   - title: the human name; the operation's action name by default.
    ///   - securitySchemes: the document's schemes (``APIDocument/securitySchemes``).
    public init(operation: APIOperation, name: String? = nil, title: String? = nil, securitySchemes: [SecurityScheme] = []) {
        var parameters: [ToolParameter] = []
        let ordered = operation.parameters.sorted { Self.rank($0.location) < Self.rank($1.location) }
        for parameter in ordered where !Self.carriesCredential(parameter, securitySchemes: securitySchemes) {
            var tool = ToolParameter(
                name: parameter.name, location: ToolParameter.Location(parameter.location),
                isRequired: parameter.isRequired, description: parameter.description, schema: parameter.schema)
            tool.adoptType(from: parameter.schema)
            parameters.append(tool)
        }
        parameters += Self.bodyParameters(operation.requestBody, taken: Set(parameters.map(\.name)))
        let text = [operation.summary, operation.description].compactMap { $0 }.filter { !$0.isEmpty }
        self.init(
            name: name ?? FunctionName.make(for: operation), title: title ?? operation.name,
            description: text.joined(separator: "\n\n"), access: operation.access, method: operation.method,
            pathTemplate: operation.pathTemplate, parameters: parameters)
    }

    private static func rank(_ location: Parameter.Location) -> Int {
        switch location {
        case .path: 0
        case .query: 1
        case .header: 2
        case .cookie: 3
        }
    }

    private static func carriesCredential(_ parameter: Parameter, securitySchemes: [SecurityScheme]) -> Bool {
        // Header names are case-insensitive (RFC 9110 §5.1); query and cookie names are not.
        func sameName(_ name: String) -> Bool {
            parameter.location == .header ? name.lowercased() == parameter.name.lowercased() : name == parameter.name
        }
        let isAPIKey = securitySchemes.contains { scheme in
            guard case .apiKey(let name, let location) = scheme.kind else { return false }
            return location.rawValue == parameter.location.rawValue && sameName(name)
        }
        if isAPIKey { return true }
        guard parameter.location == .header || parameter.location == .cookie else { return false }
        return ["authorization", "proxy-authorization", "cookie"].contains(parameter.name.lowercased())
    }

    /// The body as arguments, as the executor reads them: the properties of a JSON or form
    /// object body as top-level arguments, or else the whole body as one `body` argument (also
    /// when a property's name is a parameter's or `body`, which would be read otherwise).
    private static func bodyParameters(_ body: RequestBody?, taken: Set<String>) -> [ToolParameter] {
        guard let body else { return [] }
        let structured = body.content.first { media in
            let type = media.contentType.lowercased()
            return type.contains("json") || type.hasPrefix("application/x-www-form-urlencoded")
        }
        guard let media = structured ?? body.content.first else { return [] }
        let schema = media.schema ?? Schema()
        let properties = schema.properties.filter { !$0.schema.isReadOnly }
        let clashes = properties.contains { taken.contains($0.name) || $0.name == "body" }
        if structured != nil, !properties.isEmpty, !clashes || taken.contains("body") {
            // With a parameter called "body" the whole body cannot be one argument: the clashing
            // properties are the ones that cannot be given.
            return properties.filter { !taken.contains($0.name) && $0.name != "body" }.map { property in
                var tool = ToolParameter(
                    name: property.name, sourceName: property.name, location: .body, label: ToolParameter.label(for: property.name),
                    isRequired: schema.requiredProperties.contains(property.name),
                    description: property.schema.description ?? property.schema.title, schema: property.schema)
                tool.adoptType(from: property.schema)
                return tool
            }
        }
        guard !taken.contains("body") else { return [] }
        var whole = ToolParameter(
            name: "body", location: .body, label: "Body", type: .object, isRequired: body.isRequired,
            description: body.description, schema: schema)
        whole.adoptType(from: schema)
        return [whole]
    }
}

extension ToolParameter {
    /// Type, format and allowed values from a schema (the first non-null type; `oneOf`/`anyOf`
    /// alternatives are kept in `schema` but typed as their first alternative).
    mutating func adoptType(from schema: Schema?) {
        guard let schema else { return }
        let alternative = schema.types.isEmpty ? (schema.oneOf.first ?? schema.anyOf.first) : nil
        let source = alternative ?? schema
        if let first = source.types.first(where: { $0 != .null }) { type = ValueType(first) }
        format = source.format
        allowedValues = (source.enumValues ?? []).compactMap { value in
            switch value {
            case .string(let text): text
            case .int(let integer): String(integer)
            case .bool(let bool): String(bool)
            default: nil
            }
        }
    }
}

extension ToolParameter.Location {
    init(_ location: Parameter.Location) {
        switch location {
        case .path: self = .path
        case .query: self = .query
        case .header: self = .header
        case .cookie: self = .cookie
        }
    }
}

extension ToolParameter.ValueType {
    init(_ type: Schema.JSONType) {
        switch type {
        case .string, .null: self = .string
        case .integer: self = .integer
        case .number: self = .number
        case .boolean: self = .boolean
        case .array: self = .array
        case .object: self = .object
        }
    }
}
