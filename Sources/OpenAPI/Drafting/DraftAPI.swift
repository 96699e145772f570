import YAML

/// The drafter's working model of an API, built up message by message and turned into an
/// OpenAPI document at the end by ``DraftDocumentBuilder``.
struct DraftAPI {
    /// The title a correction gave ("call it Acme Orders").
    var title: String?
    /// The base URL a correction gave; wins over the documentation's.
    var correctedBaseURL: String?
    /// The first base URL the documentation stated ("Base URL: …").
    var statedBaseURL: String?
    /// Endpoints in the order first seen; remove through ``removeEndpoints(where:)`` so the index stays true.
    var endpoints: [DraftEndpoint] = []
    private var positions = EndpointPositions()
    /// Security schemes in the order first seen, one per kind.
    var securitySchemes: [DraftSecurityScheme] = []
    /// Corrections applied, as short sentences.
    var appliedCorrections: [String] = []
    /// What looked like API material but was not used.
    var notUnderstood: [String] = []

    /// The most lines reported as not understood; past it one summary line says how many more.
    static let notUnderstoodLimit = 40
    private var notUnderstoodOverflow = 0

    /// Adds `endpoint`, or merges it into the one with the same method and path, or into the
    /// template it is an example of (`/repos/octo/hello` of `/repos/{owner}/{repo}`); returns its index.
    mutating func add(_ endpoint: DraftEndpoint) -> Int {
        if let index = positions.sameShape(as: endpoint).first(where: {
            endpoints[$0].method == endpoint.method && endpoints[$0].matches(path: endpoint.path, origin: endpoint.origin)
        }) {
            endpoints[index].merge(endpoint)
            return index
        }
        if let index = positions.possibleTemplates(of: endpoint).first(where: { endpoint.isInstance(of: endpoints[$0]) }) {
            endpoints[index].merge(endpoint)
            endpoints[index].dropPathParametersWithoutPlaceholder()
            return index
        }
        if let index = positions.possibleInstances(of: endpoint).first(where: { endpoints[$0].isInstance(of: endpoint) }) {
            // The new one is the template: keep its path, learn what the example showed.
            var template = endpoint
            template.merge(endpoints[index])
            template.dropPathParametersWithoutPlaceholder()
            endpoints[index] = template
            positions.record(template, at: index)
            return index
        }
        endpoints.append(endpoint)
        positions.record(endpoint, at: endpoints.count - 1)
        return endpoints.count - 1
    }

    /// Removes the endpoints `shouldRemove` picks; returns how many.
    mutating func removeEndpoints(where shouldRemove: (DraftEndpoint) -> Bool) -> Int {
        let before = endpoints.count
        endpoints.removeAll(where: shouldRemove)
        positions = EndpointPositions()
        for (index, endpoint) in endpoints.enumerated() { positions.record(endpoint, at: index) }
        return before - endpoints.count
    }

    /// Records a security scheme unless one of the same kind is known; an OAuth scheme gains URLs it lacked.
    mutating func add(_ scheme: DraftSecurityScheme) {
        if let index = securitySchemes.firstIndex(where: { $0.name == scheme.name }) {
            securitySchemes[index].merge(scheme)
        } else {
            securitySchemes.append(scheme)
        }
    }

    /// Notes a line that looked like API material but was not used.
    mutating func reportNotUnderstood(_ line: String) {
        let trimmed = line.trimmingSpaces()
        guard !trimmed.isEmpty, !notUnderstood.contains(trimmed) else { return }
        if notUnderstood.count < Self.notUnderstoodLimit {
            notUnderstood.append(String(trimmed.prefix(200)))
        } else {
            notUnderstoodOverflow += 1
        }
    }

    /// The not-understood lines with a closing count of those left out.
    var notUnderstoodReport: [String] {
        notUnderstoodOverflow == 0 ? notUnderstood : notUnderstood + ["… and \(notUnderstoodOverflow) more lines"]
    }
}

/// One endpoint as found: method, where it lives, parameters, bodies.
struct DraftEndpoint {
    /// The method in upper case.
    var method: String
    /// `scheme://host[:port]` when the endpoint was found as a full URL.
    var origin: String?
    /// The path template as found, `{name}` for path parameters.
    var path: String
    /// A one-line summary from the documentation.
    var summary: String?
    /// Parameters in the order found.
    var parameters: [DraftParameter] = []
    /// The request body, from a JSON or form example or a body parameter table.
    var requestBody: DraftBody?
    /// The response body schema, from a JSON example.
    var responseSchema: OrderedObject?

    /// Whether this endpoint is at `path` (placeholder names ignored) and, when both are known, `origin`.
    func matches(path other: String, origin otherOrigin: String?) -> Bool {
        if let origin, let otherOrigin, origin != otherOrigin { return false }
        return PathTemplate.shape(path) == PathTemplate.shape(other)
    }

    /// Whether this endpoint's path ends with the segments of `suffix` (placeholder names ignored).
    func pathEnds(with suffix: String) -> Bool {
        let own = PathTemplate.shape(path).split(separator: "/")
        let wanted = PathTemplate.shape(suffix).split(separator: "/")
        return !wanted.isEmpty && own.count >= wanted.count && Array(own.suffix(wanted.count)) == wanted
    }

    /// Whether this endpoint's path is `template`'s with literal values where it has placeholders
    /// (`/repos/octo/hello` of `/repos/{owner}/{repo}`), on the same origin when both are known.
    func isInstance(of template: DraftEndpoint) -> Bool {
        if let origin, let other = template.origin, origin != other { return false }
        let own = path.split(separator: "/")
        let pattern = template.path.split(separator: "/")
        guard own.count == pattern.count, own != pattern else { return false }
        var replacesPlaceholder = false
        for (segment, patternSegment) in zip(own, pattern) {
            if patternSegment.hasPrefix("{"), patternSegment.hasSuffix("}") {
                replacesPlaceholder = replacesPlaceholder || !segment.hasPrefix("{")
            } else if segment != patternSegment {
                return false
            }
        }
        return replacesPlaceholder
    }

    /// Removes path parameters whose placeholder the path does not have (an example's literal
    /// `customer_id` once merged into a template naming it `{id}`).
    mutating func dropPathParametersWithoutPlaceholder() {
        let placeholders = PathTemplate.parameterNames(in: path)
        parameters.removeAll { $0.location == "path" && !placeholders.contains($0.name) }
    }

    /// Adds what `other` knows and this endpoint does not.
    mutating func merge(_ other: DraftEndpoint) {
        if summary == nil { summary = other.summary }
        if origin == nil { origin = other.origin }
        for parameter in other.parameters { add(parameter) }
        if let body = other.requestBody { mergeRequestBody(body) }
        if responseSchema == nil { responseSchema = other.responseSchema }
    }

    /// Adds `parameter`, or fills in what the known one of the same name and location lacks.
    mutating func add(_ parameter: DraftParameter) {
        if let index = parameters.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
            parameters[index].refine(with: parameter)
        } else {
            parameters.append(parameter)
        }
    }

    /// Merges a body: properties of the new one are added to an object body already known.
    mutating func mergeRequestBody(_ body: DraftBody) {
        guard var existing = requestBody else {
            requestBody = body
            return
        }
        existing.schema = JSONSchemaInference.merged(existing.schema, body.schema)
        requestBody = existing
    }

    /// Adds a property to the request body (a JSON object body is created when there is none).
    mutating func addBodyProperty(_ parameter: DraftParameter) {
        let schema = Self.adding(parameter, to: requestBody?.schema)
        requestBody = DraftBody(contentType: requestBody?.contentType ?? "application/json", schema: schema)
    }

    /// Adds a property to the response schema, from a table of response fields.
    mutating func addResponseProperty(_ parameter: DraftParameter) {
        responseSchema = Self.adding(parameter, to: responseSchema)
    }

    /// `schema` (an empty object schema when nil) with `parameter` as a property.
    private static func adding(_ parameter: DraftParameter, to schema: OrderedObject?) -> OrderedObject {
        var schema = schema ?? OrderedObject(["type": .string("object")])
        var properties = schema["properties"]?.objectValue ?? OrderedObject()
        var property = properties[parameter.name]?.objectValue ?? OrderedObject()
        for entry in parameter.schema { property[entry.key] = entry.value }
        if let description = parameter.description { property["description"] = .string(description) }
        properties[parameter.name] = .object(property)
        schema["properties"] = .object(properties)
        if parameter.isRequired {
            var required = schema["required"]?.arrayValue ?? []
            if !required.contains(.string(parameter.name)) { required.append(.string(parameter.name)) }
            schema["required"] = .array(required)
        }
        return schema
    }
}

/// A parameter of a drafted endpoint.
struct DraftParameter {
    /// The name as documented.
    var name: String
    /// `path`, `query`, `header` or `cookie` (OpenAPI 3.0 §4.7.12.2).
    var location: String
    /// The schema: at least a `type`.
    var schema: OrderedObject
    /// Whether it must be given; always true in the path.
    var isRequired: Bool
    /// The documentation's description.
    var description: String?
    /// Whether the type was documented (a table) rather than guessed from an example.
    var typeIsDocumented = false

    /// A string parameter.
    init(
        name: String, location: String, schema: OrderedObject = OrderedObject(["type": .string("string")]), isRequired: Bool = false,
        description: String? = nil
    ) {
        self.name = name
        self.location = location
        self.schema = schema
        self.isRequired = isRequired || location == "path"
        self.description = description
    }

    /// Takes the documented type, requiredness and description of `other`.
    mutating func refine(with other: DraftParameter) {
        if other.typeIsDocumented || !typeIsDocumented {
            for entry in other.schema { schema[entry.key] = entry.value }
            typeIsDocumented = typeIsDocumented || other.typeIsDocumented
        }
        isRequired = isRequired || other.isRequired
        if let description = other.description { self.description = description }
    }
}

/// A request body: its media type and schema.
struct DraftBody {
    /// `application/json`, `application/x-www-form-urlencoded` or `multipart/form-data`.
    var contentType: String
    /// The body's schema.
    var schema: OrderedObject
}
