/// A node's place in a (possibly multi-file) schema: which document, and a JSON pointer in it.
///
/// Translation walks every schema node, so appending a step must be cheap: steps are kept as a
/// linked chain and the RFC 6901 pointer text is only rendered when asked for (diagnostics,
/// schema keys).
struct Location {
    /// "" for the document being imported, otherwise the absolute location of another file.
    let document: String
    private let base: String
    private let tail: PointerStep?

    init(document: String, pointer: String) {
        self.document = document
        self.base = pointer
        self.tail = nil
    }

    private init(document: String, base: String, tail: PointerStep?) {
        self.document = document
        self.base = base
        self.tail = tail
    }

    static let root = Location(document: "", pointer: "")

    /// The location of a child by object key.
    func appending(_ token: String) -> Location {
        Location(document: document, base: base, tail: PointerStep(parent: tail, key: token, index: 0))
    }

    /// The location of a child by array index.
    func appending(_ index: Int) -> Location {
        Location(document: document, base: base, tail: PointerStep(parent: tail, key: nil, index: index))
    }

    /// The RFC 6901 pointer, "" for the whole document.
    var pointer: String {
        var steps: [PointerStep] = []
        var step = tail
        while let current = step {
            steps.append(current)
            step = current.parent
        }
        var text = base
        for current in steps.reversed() {
            text += "/"
            if let key = current.key { text += JSONPointer.escape(key) } else { text += String(current.index) }
        }
        return text
    }

    /// "#/components/schemas/Pet", or "other.json#/Pet" for another file.
    var key: String { document + "#" + pointer }

    /// The pointer for diagnostics, prefixed with the file when it is another one.
    var diagnosticPointer: String { document.isEmpty ? pointer : document + "#" + pointer }
}

/// One step of a `Location`: an object key, or (when `key` is nil) an array index.
final class PointerStep: Sendable {
    let parent: PointerStep?
    let key: String?
    let index: Int

    init(parent: PointerStep?, key: String?, index: Int) {
        self.parent = parent
        self.key = key
        self.index = index
    }
}
