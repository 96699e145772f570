import YAML

extension TranslationContext {
    /// A `security` array: alternatives, each a map from scheme name to scopes.
    func securityRequirements(_ value: OrderedValue?, at location: Location) -> [SecurityRequirement]? {
        guard let value else { return nil }
        guard case .array(let alternatives) = value else {
            warn("security must be an array", at: location)
            return nil
        }
        var requirements: [SecurityRequirement] = []
        for case .object(let alternative) in alternatives {
            requirements.append(
                SecurityRequirement(
                    items: alternative.entries.map { entry in
                        SecurityRequirement.Item(schemeName: entry.key, scopes: entry.value.arrayValue?.compactMap(\.stringValue) ?? [])
                    }))
        }
        return requirements
    }

    /// OAuth scopes from a `scopes` map of name to description.
    func scopes(_ value: OrderedValue?) -> [SecurityScheme.Scope] {
        guard case .object(let scopes)? = value else { return [] }
        return scopes.entries.map { SecurityScheme.Scope(name: $0.key, description: $0.value.stringValue ?? "") }
    }

    /// Makes a server URL absolute against the schema's own location when it is relative, and
    /// drops a trailing slash; `nil` when it cannot be made absolute.
    func absoluteServerURL(_ url: String) -> String? {
        if let known = absoluteServerURLs[url] { return known }
        let absolute = resolvedServerURL(url)
        absoluteServerURLs[url] = absolute
        return absolute
    }

    private func resolvedServerURL(_ url: String) -> String? {
        var reference = URIReference(url)
        if reference.scheme == nil {
            guard let rootLocation = documents.rootLocation else { return nil }
            let base = URIReference(rootLocation)
            guard base.scheme == "http" || base.scheme == "https" else { return nil }
            reference = base.resolving(reference)
            reference.query = nil
            reference.fragment = nil
        }
        guard reference.scheme == "http" || reference.scheme == "https", reference.authority?.isEmpty == false else {
            return nil
        }
        var text = reference.description
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// Warns about operationIds used more than once (they should be unique, OpenAPI 3.1 §4.8.10.1).
    func reportDuplicateOperationIDs(_ operations: [APIOperation], locations: [Location]) {
        var seen = Set<String>()
        var reported = Set<String>()
        for (operation, location) in zip(operations, locations) {
            guard let operationID = operation.operationID else { continue }
            if !seen.insert(operationID).inserted, reported.insert(operationID).inserted {
                warn("operationId \"\(operationID)\" is used by more than one operation", at: location)
            }
        }
    }
}
