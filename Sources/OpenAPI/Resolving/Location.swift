/// A node's place in a (possibly multi-file) schema: which document, and a JSON pointer in it.
struct Location: Hashable {
    /// "" for the document being imported, otherwise the absolute location of another file.
    var document: String
    /// An RFC 6901 JSON pointer, "" for the whole document.
    var pointer: String

    static let root = Location(document: "", pointer: "")

    /// The location of a child by object key (escaped as RFC 6901 §3 says) or array index.
    func appending(_ token: String) -> Location {
        Location(document: document, pointer: pointer + "/" + JSONPointer.escape(token))
    }

    func appending(_ index: Int) -> Location {
        Location(document: document, pointer: pointer + "/" + String(index))
    }

    /// "#/components/schemas/Pet", or "other.json#/Pet" for another file.
    var key: String { document + "#" + pointer }

    /// The pointer for diagnostics, prefixed with the file when it is another one.
    var diagnosticPointer: String { document.isEmpty ? pointer : document + "#" + pointer }
}
