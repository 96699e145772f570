import YAML

/// Imports an OpenAPI document: read → validate → load referenced files → resolve and
/// translate → name the actions.
///
/// Unusable input (not JSON or YAML, not OpenAPI, an unknown version) ends in `failure`;
/// everything else is imported as far as it goes, with `diagnostics` saying what was skipped.
///
/// ```swift
/// let loader = FileSystemSchemaLoader(allowedDirectory: "/schemas")
/// let result = OpenAPIImporter().import(data: bytes, sourceURL: "/schemas/api.yaml", loader: loader)
/// for operation in result.document?.operations ?? [] { print(operation.name, operation.method, operation.pathTemplate) }
/// ```
public struct OpenAPIImporter: Sendable {
    /// Names the actions.
    public var namer: ActionNamer

    /// Creates an importer.
    public init(namer: ActionNamer = ActionNamer()) {
        self.namer = namer
    }

    /// Imports `data`, fetched from `sourceURL` (a URL or file path, used to resolve relative
    /// references and server URLs); `loader` fetches the other files of a multi-file schema.
    public func `import`(data: [UInt8], sourceURL: String?, loader: (any SchemaLoader)? = nil) -> ImportResult {
        let root: OrderedObject
        let version: SpecVersion
        var diagnostics: [Diagnostic]
        do throws(ImportError) {
            let output = try DocumentReader().read(data, location: sourceURL)
            diagnostics = output.diagnostics
            (root, version) = try Self.validate(output.value)
        } catch {
            return ImportResult(document: nil, failure: error, diagnostics: [])
        }
        var documents = DocumentSet(root: .object(root), rootLocation: sourceURL)
        if ExternalDocumentLoader.mayReferenceOtherFiles(data) {
            ExternalDocumentLoader(loader: loader).loadReferencedDocuments(into: &documents, diagnostics: &diagnostics)
        }
        let context = TranslationContext(documents: documents, family: version.family, diagnostics: diagnostics)
        var document: APIDocument
        switch version.family {
        case .swagger2: document = Swagger2Translator(context: context).translate(root, version: version)
        case .openAPI30, .openAPI31: document = OpenAPI3Translator(context: context).translate(root, version: version)
        }
        if document.operations.isEmpty {
            context.warn("the document has no operations under paths", at: Location.root.appending("paths"))
        }
        namer.assignNames(to: &document.operations)
        return ImportResult(document: document, failure: nil, diagnostics: context.diagnostics)
    }

    /// The validate stage: an object with a supported `swagger` or `openapi` version.
    static func validate(_ value: OrderedValue) throws(ImportError) -> (OrderedObject, SpecVersion) {
        guard case .object(let root) = value else {
            throw .notOpenAPI("the top level is not an object")
        }
        if let swagger = root["swagger"] {
            let text = Self.versionText(swagger)
            guard text == "2.0" else { throw .unsupportedVersion(text) }
            return (root, SpecVersion(family: .swagger2, text: text))
        }
        guard let openapi = root["openapi"] else {
            throw .notOpenAPI("it has neither an \"openapi\" nor a \"swagger\" field")
        }
        let text = Self.versionText(openapi)
        if text.hasPrefix("3.0.") || text == "3.0" { return (root, SpecVersion(family: .openAPI30, text: text)) }
        if text.hasPrefix("3.1.") || text == "3.1" { return (root, SpecVersion(family: .openAPI31, text: text)) }
        throw .unsupportedVersion(text)
    }

    private static func versionText(_ value: OrderedValue) -> String {
        switch value {
        case .string(let text): return text
        // An unquoted `swagger: 2.0` in YAML is a number.
        case .double(let number): return String(number)
        case .int(let number): return String(number)
        default: return "\(value)"
        }
    }
}
