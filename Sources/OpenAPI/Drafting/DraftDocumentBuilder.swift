import YAML

/// Turns a ``DraftAPI`` into an OpenAPI 3.0.3 document: chooses the base URL, makes paths
/// relative to it, and writes paths, parameters, bodies, responses and security schemes.
struct DraftDocumentBuilder {
    /// The OpenAPI version drafts are written in.
    static let openAPIVersion = "3.0.3"

    let api: DraftAPI

    /// The document and the endpoint list for the report.
    func build() -> (document: OrderedObject, endpoints: [DraftedEndpoint], baseURL: String?) {
        let base = baseURL()
        var endpoints: [DraftEndpoint] = []
        var positions: [String: Int] = [:]
        for var endpoint in api.endpoints {
            endpoint.path = relativePath(endpoint, base: base)
            let key = endpoint.method + " " + endpoint.path
            if let index = positions[key] {
                endpoints[index].merge(endpoint)
            } else {
                positions[key] = endpoints.count
                endpoints.append(endpoint)
            }
        }
        var paths = OrderedObject()
        var drafted: [DraftedEndpoint] = []
        for endpoint in endpoints {
            var pathItem = paths[endpoint.path]?.objectValue ?? OrderedObject()
            let (operation, parameterNames) = self.operation(endpoint, base: base)
            pathItem[endpoint.method.lowercased()] = .object(operation)
            paths[endpoint.path] = .object(pathItem)
            drafted.append(
                DraftedEndpoint(method: endpoint.method, path: endpoint.path, summary: endpoint.summary, parameterNames: parameterNames))
        }
        var document = OrderedObject()
        document["openapi"] = .string(Self.openAPIVersion)
        document["info"] = .object(
            OrderedObject([
                "title": .string(title(base: base)),
                "version": .string("1.0.0"),
                "description": .string("Drafted by Switchboard from documentation; check it before use."),
            ]))
        if let base { document["servers"] = .array([.object(OrderedObject(["url": .string(base.text)]))]) }
        document["paths"] = .object(paths)
        let schemes = api.securitySchemes.filter { $0.isComplete }
        if !schemes.isEmpty {
            var objects = OrderedObject()
            for scheme in schemes { objects[scheme.name] = .object(scheme.object) }
            document["components"] = .object(OrderedObject(["securitySchemes": .object(objects)]))
            // Each scheme found is one way to authenticate (alternatives, OpenAPI 3.0 §4.7.30).
            document["security"] = .array(schemes.map { .object(OrderedObject([$0.name: .array([])])) })
        }
        return (document, drafted, base?.text)
    }

    /// The corrected base URL, else the stated one, else the most common origin of full URLs
    /// with the path prefix all its endpoints share.
    private func baseURL() -> DocumentedURL? {
        if let text = api.correctedBaseURL ?? api.statedBaseURL, let url = DocumentedURL(text), url.origin != nil { return url }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for endpoint in api.endpoints {
            guard let origin = endpoint.origin else { continue }
            if counts[origin] == nil { order.append(origin) }
            counts[origin, default: 0] += 1
        }
        guard let origin = order.max(by: { counts[$0, default: 0] < counts[$1, default: 0] }) else { return nil }
        // Relative paths count too: a prefix they lack would send them to the wrong place.
        let paths = api.endpoints.filter { $0.origin == origin || $0.origin == nil }.map(\.path)
        let prefix = Self.commonPrefix(paths)
        return DocumentedURL(origin + (prefix.isEmpty ? "/" : "/" + prefix.joined(separator: "/")))
    }

    /// The leading segments every path shares, without placeholders and without any path's last
    /// segment; with a single distinct path, only version-like segments (`v1`, `api`).
    static func commonPrefix(_ paths: [String]) -> [String] {
        let split = Set(paths).map { $0.split(separator: "/").map(String.init) }
        guard var prefix = split.first else { return [] }
        for segments in split.dropFirst() {
            prefix = Array(zip(prefix, segments).prefix { $0 == $1 }.map(\.0))
        }
        let shortest = split.map(\.count).min() ?? 0
        prefix = Array(prefix.prefix(max(shortest - 1, 0)).prefix { !$0.contains("{") })
        if split.count == 1 { prefix = Array(prefix.prefix(while: isVersionLike)) }
        return prefix
    }

    private static func isVersionLike(_ segment: String) -> Bool {
        let lower = segment.lowercased()
        if ["api", "rest", "public"].contains(lower) { return true }
        return lower.hasPrefix("v") && lower.dropFirst().first?.isNumber == true && lower.count <= 8
    }

    /// The endpoint's path with the base URL's path removed when it starts with it.
    private func relativePath(_ endpoint: DraftEndpoint, base: DocumentedURL?) -> String {
        guard let base, base.path != "/", endpoint.origin == nil || endpoint.origin == base.origin else { return endpoint.path }
        if endpoint.path == base.path { return "/" }
        guard endpoint.path.hasPrefix(base.path + "/") else { return endpoint.path }
        return String(endpoint.path.dropFirst(base.path.count))
    }

    private func title(base: DocumentedURL?) -> String {
        if let title = api.title { return title }
        // "api.acme.com" → "Acme API": the name before the top-level domain, generic labels skipped.
        guard let host = base?.origin?.split(separator: "/").last?.split(separator: ":").first else { return "Drafted API" }
        let generic: Set<Substring> = [
            "api", "apis", "www", "rest", "gateway", "app", "dev", "sandbox", "staging", "prod", "co", "com", "org", "net",
        ]
        let labels = host.split(separator: ".").dropLast().filter { !generic.contains($0) }
        guard let name = labels.last, name.first?.isLetter == true else { return "Drafted API" }
        return name.prefix(1).uppercased() + name.dropFirst() + " API"
    }

    private func operation(_ endpoint: DraftEndpoint, base: DocumentedURL?) -> (OrderedObject, [String]) {
        var operation = OrderedObject()
        if let summary = endpoint.summary { operation["summary"] = .string(String(summary.prefix(200))) }
        // Every placeholder gets a path parameter and no other path parameter is kept (OpenAPI 3.0 §4.7.12.1).
        let placeholders = PathTemplate.parameterNames(in: endpoint.path)
        var parameters = endpoint.parameters.filter { $0.location != "path" || placeholders.contains($0.name) }
        for name in placeholders where !parameters.contains(where: { $0.location == "path" && $0.name == name }) {
            parameters.append(DraftParameter(name: name, location: "path"))
        }
        let order = ["path", "query", "header", "cookie"]
        parameters.sort { (order.firstIndex(of: $0.location) ?? 4) < (order.firstIndex(of: $1.location) ?? 4) }
        if !parameters.isEmpty {
            operation["parameters"] = .array(
                parameters.map { parameter in
                    var object = OrderedObject()
                    object["name"] = .string(parameter.name)
                    object["in"] = .string(parameter.location)
                    if let description = parameter.description { object["description"] = .string(description) }
                    object["required"] = .bool(parameter.isRequired || parameter.location == "path")
                    object["schema"] = .object(parameter.schema)
                    return .object(object)
                })
        }
        if let body = endpoint.requestBody {
            operation["requestBody"] = .object(
                OrderedObject([
                    "required": .bool(true),
                    "content": .object(OrderedObject([body.contentType: .object(OrderedObject(["schema": .object(body.schema)]))])),
                ]))
        }
        var response = OrderedObject(["description": .string("Successful response")])
        if let schema = endpoint.responseSchema {
            response["content"] = .object(OrderedObject(["application/json": .object(OrderedObject(["schema": .object(schema)]))]))
        }
        operation["responses"] = .object(OrderedObject(["200": .object(response)]))
        if let origin = endpoint.origin, let base, origin != base.origin {
            operation["servers"] = .array([.object(OrderedObject(["url": .string(origin)]))])
        }
        return (operation, parameters.map(\.name))
    }
}

extension DraftSecurityScheme {
    /// Whether the scheme can be written: OAuth needs at least one URL.
    var isComplete: Bool {
        if case .oauth2(nil, nil) = self { return false }
        return true
    }
}
