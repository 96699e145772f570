/// Gives every operation a short, human, Title Case action name, deterministically.
///
/// A name comes from the first of these that works: a clean `operationId`
/// ("listEmployeeTimeOff" → "List Employee Time Off"), a short imperative `summary`
/// ("Retrieve a customer" → "Get Customer"), or the method and path (`POST /v1/invoices` →
/// "Create Invoice", `GET /users/{userId}/orders` → "List User Orders",
/// `POST /orders/{id}/cancel` → "Cancel Order"). Versions and `api` segments are dropped,
/// acronyms kept (ID, URL, SMS), plurals made properly. Names are at most `maximumLength`
/// characters; `assignNames(to:)` makes them unique within a document with a qualifier taken
/// from the path ("Create Checkout Session"), never a counter.
public struct ActionNamer: Sendable {
    /// The longest name, in characters.
    public var maximumLength: Int

    /// Creates a namer.
    public init(maximumLength: Int = 64) {
        self.maximumLength = max(maximumLength, 8)
    }

    /// The name for one operation, before names are made unique.
    public func name(method: APIOperation.Method, path: String, operationID: String?, summary: String?) -> String {
        finish(candidate(method: method, shape: PathShape(path), operationID: operationID, summary: summary).words)
    }

    /// Names every operation, unique within the list.
    public func assignNames(to operations: inout [APIOperation]) {
        // A path usually carries several methods: read its shape once.
        var shapes: [String: PathShape] = [:]
        shapes.reserveCapacity(operations.count)
        // By index, reading the few fields needed: copying each whole operation costs more.
        var candidates = operations.indices.map { index in
            let path = operations[index].pathTemplate
            let shape: PathShape
            if let known = shapes[path] {
                shape = known
            } else {
                shape = PathShape(path)
                shapes[path] = shape
            }
            return candidate(
                method: operations[index].method, shape: shape, operationID: operations[index].operationID, summary: operations[index].summary)
        }
        var names = candidates.map { finish($0.words) }
        disambiguate(&names, candidates: &candidates, operations: operations)
        for index in operations.indices { operations[index].name = names[index] }
    }

    struct Candidate {
        enum Source { case operationID, summary, path }
        var words: [String]
        var source: Source
        var shape: PathShape
        var method: APIOperation.Method
    }

    func candidate(method: APIOperation.Method, shape: PathShape, operationID: String?, summary: String?) -> Candidate {
        if let operationID, let words = operationIDWords(operationID, shape: shape, method: method) {
            return Candidate(words: words, source: .operationID, shape: shape, method: method)
        }
        if let summary, let words = summaryWords(summary, shape: shape, method: method) {
            return Candidate(words: words, source: .summary, shape: shape, method: method)
        }
        return Candidate(words: pathWords(shape, method: method), source: .path, shape: shape, method: method)
    }

    /// Title Case within `maximumLength`, dropping whole words from the end when too long.
    func finish(_ words: [String]) -> String {
        var kept = Self.removingRepeats(words)
        var name = TitleCase.format(kept)
        while isTooLong(name) && kept.count > 2 {
            kept.removeLast()
            // A name should not end on "by" or "for".
            while kept.count > 2, let last = kept.last, NamingVocabulary.isSmallWord(last) { kept.removeLast() }
            name = TitleCase.format(kept)
        }
        if isTooLong(name) { name = String(name.prefix(maximumLength)) }
        return name
    }

    /// Whether `name` has more than `maximumLength` characters; a name has no more characters
    /// than UTF-8 bytes, so most are answered without counting Characters.
    private func isTooLong(_ name: String) -> Bool {
        name.utf8.count > maximumLength && name.count > maximumLength
    }

    /// "Get Customer Customer" reads as a stutter: adjacent repeats go.
    private static func removingRepeats(_ words: [String]) -> [String] {
        // Most names have none: those are returned as they are, not copied.
        guard zip(words, words.dropFirst()).contains(where: { LetterCase.equal($0, $1) }) else { return words }
        var result: [String] = []
        for word in words {
            if let last = result.last, LetterCase.equal(last, word) { continue }
            result.append(word)
        }
        return result
    }
}
