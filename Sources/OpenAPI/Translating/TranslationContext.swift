import YAML

/// State shared by the resolve and translate stages of one import: the documents, the table of
/// referenced schemas and the diagnostics collected so far.
final class TranslationContext {
    let documents: DocumentSet
    let family: SpecVersion.Family
    private(set) var diagnostics: [Diagnostic]
    /// Referenced schemas by `Location.key`, each converted once.
    var schemas: [String: Schema] = [:]
    /// Keys being converted right now: a reference to one of them is a cycle.
    var schemasInProgress = Set<String>()
    private var reportedReferences = Set<String>()
    /// `absoluteServerURL` results by server URL: every operation of some documents repeats its servers.
    var absoluteServerURLs: [String: String?] = [:]
    private let inlineCache = SchemaInliner.Cache()
    /// The most `$ref` hops followed for one non-schema object before giving up (a chain loop).
    private let maximumReferenceHops = 32

    init(documents: DocumentSet, family: SpecVersion.Family, diagnostics: [Diagnostic]) {
        self.documents = documents
        self.family = family
        self.diagnostics = diagnostics
    }

    /// An argument schema made self-contained (see `SchemaInliner`), sharing expansions across
    /// the whole import.
    func inlined(_ schema: Schema) -> Schema {
        guard schema.reference != nil || !schema.allOf.isEmpty || !schema.properties.isEmpty || schema.items != nil
            || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty || schema.additionalProperties != nil
        else { return schema }
        return SchemaInliner(schemas: schemas).inline(schema, cache: inlineCache)
    }

    func warn(_ message: String, at location: Location) {
        diagnostics.append(Diagnostic(.warning, message, pointer: location.diagnosticPointer))
    }

    func note(_ message: String, at location: Location) {
        diagnostics.append(Diagnostic(.note, message, pointer: location.diagnosticPointer))
    }

    /// Reports an unusable `$ref` once per distinct reference text, at its first use.
    func reportReference(_ reference: String, _ reason: String, at location: Location) {
        guard reportedReferences.insert(reference).inserted else { return }
        warn("cannot resolve $ref \"\(reference)\": \(reason)", at: location)
    }

    /// Follows `$ref`s from a parameter, response, request body, path item or security scheme to
    /// the object they name; `nil` (with a warning) when the chain breaks or loops.
    func dereference(_ value: OrderedValue, at location: Location) -> (object: OrderedObject, location: Location)? {
        var current = value
        var currentLocation = location
        for _ in 0..<maximumReferenceHops {
            guard case .object(let object) = current else {
                warn("expected an object", at: currentLocation)
                return nil
            }
            guard case .string(let reference)? = object["$ref"] else { return (object, currentLocation) }
            switch documents.target(of: reference, from: currentLocation.document) {
            case .unsupported(let reason):
                reportReference(reference, reason, at: currentLocation)
                return nil
            case .location(let target):
                guard let next = documents.value(at: target) else {
                    reportReference(reference, missingTargetReason(target), at: currentLocation)
                    return nil
                }
                current = next
                currentLocation = target
            }
        }
        warn("$ref chain longer than \(maximumReferenceHops) steps (a loop?)", at: location)
        return nil
    }

    func missingTargetReason(_ target: Location) -> String {
        if documents.documents[target.document] == nil {
            return "\(target.document) could not be loaded"
        }
        return "no value at \(target.pointer.isEmpty ? "the document root" : target.pointer)"
    }
}
