import YAML

/// Walks `paths` in document order, following path-item `$ref`s, for both translators.
struct PathWalker {
    struct Entry {
        var path: String
        var pathItem: OrderedObject
        var pathItemLocation: Location
        var method: APIOperation.Method
        var operation: OrderedObject
        var operationLocation: Location
    }

    static func entries(of root: OrderedObject, context: TranslationContext) -> [Entry] {
        guard let pathsValue = root["paths"] else { return [] }
        guard case .object(let paths) = pathsValue else {
            context.warn("paths must be an object", at: Location.root.appending("paths"))
            return []
        }
        var entries: [Entry] = []
        let pathsLocation = Location.root.appending("paths")
        for pathEntry in paths.entries {
            let location = pathsLocation.appending(pathEntry.key)
            if pathEntry.key.hasPrefix("x-") { continue }
            guard let (pathItem, itemLocation) = context.dereference(pathEntry.value, at: location) else { continue }
            for methodEntry in pathItem.entries {
                guard let method = APIOperation.Method(rawValue: methodEntry.key.uppercased()),
                    methodEntry.key == methodEntry.key.lowercased()
                else { continue }
                let operationLocation = itemLocation.appending(methodEntry.key)
                guard case .object(let operation) = methodEntry.value else {
                    context.warn("an operation must be an object", at: operationLocation)
                    continue
                }
                entries.append(
                    Entry(
                        path: pathEntry.key, pathItem: pathItem, pathItemLocation: itemLocation, method: method,
                        operation: operation, operationLocation: operationLocation))
            }
        }
        return entries
    }
}
