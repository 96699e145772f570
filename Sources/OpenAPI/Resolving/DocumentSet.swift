import YAML

/// The documents of one schema: the imported one and the other files its `$ref`s reach.
struct DocumentSet {
    /// Where the imported document came from, used to resolve relative references.
    let rootLocation: String?
    /// Documents by key: "" for the imported one, absolute locations for the others.
    var documents: [String: OrderedValue]

    init(root: OrderedValue, rootLocation: String?) {
        self.rootLocation = rootLocation
        documents = ["": root]
    }

    /// The absolute location of a document, for resolving references inside it.
    func absoluteLocation(of document: String) -> String? {
        document.isEmpty ? rootLocation : document
    }

    /// Where `reference` (a `$ref` value found in `document`) points.
    func target(of reference: String, from document: String) -> ReferenceTarget {
        let pointer: String
        let targetDocument: String
        if reference.utf8.first == UInt8(ascii: "#") {
            // "#/components/…", nearly every reference: the same document, no URI to resolve.
            pointer = URIReference.percentDecoded(String(reference.utf8.dropFirst()) ?? "")
            targetDocument = document
        } else {
            let uri = URIReference(reference)
            pointer = URIReference.percentDecoded(uri.fragment ?? "")
            switch self.document(of: uri, from: document) {
            case .unsupported(let reason): return .unsupported(reason)
            case .location(let location): targetDocument = location.document
            }
        }
        guard pointer.isEmpty || pointer.hasPrefix("/") else {
            return .unsupported("only JSON pointer fragments are supported, not \"#\(pointer)\"")
        }
        return .location(Location(document: targetDocument, pointer: pointer))
    }

    /// The document a reference names (its pointer ignored): `document` itself for "#/…",
    /// "" for the imported document, otherwise an absolute location.
    func document(of reference: URIReference, from document: String) -> ReferenceTarget {
        var withoutFragment = reference
        withoutFragment.fragment = nil
        if withoutFragment.description.isEmpty {
            return .location(Location(document: document, pointer: ""))
        }
        guard let base = absoluteLocation(of: document) else {
            return .unsupported("a reference to another file needs the schema's own location to resolve against")
        }
        let absolute = URIReference(base).resolving(withoutFragment).description
        if let rootLocation, absolute == URIReference(rootLocation).withoutFragment {
            return .location(Location(document: "", pointer: ""))
        }
        return .location(Location(document: absolute, pointer: ""))
    }

    /// The value at a location, when its document is loaded and the pointer exists.
    func value(at location: Location) -> OrderedValue? {
        guard let document = documents[location.document] else { return nil }
        return JSONPointer.lookUp(location.pointer, in: document)
    }
}

/// Where a `$ref` leads.
enum ReferenceTarget {
    case location(Location)
    case unsupported(String)
}
