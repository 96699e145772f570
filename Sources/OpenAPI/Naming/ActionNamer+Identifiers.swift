extension ActionNamer {
    /// The words of an operationId when it reads as a name: starts with a verb, two to seven
    /// words, not generated from the method and path ("GetCustomersCustomer").
    func operationIDWords(_ operationID: String, shape: PathShape, method: APIOperation.Method) -> [String]? {
        guard !operationID.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "{") }) else { return nil }
        var words = WordSplitter.words(operationID)
        // springfox appends "UsingGET".
        if words.count > 2, words[words.count - 2].utf8.count == 5, words[words.count - 2].lowercased() == "using",
            APIOperation.Method(rawValue: words[words.count - 1].uppercased()) != nil
        {
            words.removeLast(2)
        }
        // Box-style version suffixes ("post_notes_convert_v2026.0") say nothing about the action.
        words.removeAll { word in NamingVocabulary.isNoiseSegment(Substring(word)) }
        guard words.count >= 2, words.count <= 7, let first = words.first?.lowercased(), NamingVocabulary.verbs.contains(first) else {
            return nil
        }
        // Generated from method and path ("GetCustomersCustomer", "post_automate_workflows_id_start"):
        // the method, then path words in path order with every literal word as written. The path reads better.
        if first == method.rawValue.lowercased() {
            let rest = words.dropFirst().map { $0.lowercased() }
            let pathWords = shape.tokens.flatMap { $0.words.map { $0.lowercased() } }
            let literalWords = shape.tokens.flatMap { token -> [String] in
                if case .literal(let literal) = token { return literal.map { $0.lowercased() } }
                return []
            }
            if Self.isSubsequence(rest, of: pathWords), literalWords.allSatisfy(rest.contains) { return nil }
        }
        return normalized(words, shape: shape, method: method)
    }

    private static func isSubsequence(_ candidate: [String], of sequence: [String]) -> Bool {
        var position = sequence.startIndex
        for word in candidate {
            guard let found = sequence[position...].firstIndex(of: word) else { return false }
            position = found + 1
        }
        return true
    }

    /// The words of a summary when it is a short imperative ("Retrieve a customer").
    func summaryWords(_ summary: String, shape: PathShape, method: APIOperation.Method) -> [String]? {
        let trimmable: Set<Character> = [" ", ".", "\n", "\t"]
        var text = Substring(summary).drop(while: { trimmable.contains($0) })
        while let last = text.last, trimmable.contains(last) { text = text.dropLast() }
        if let parenthesis = text.firstIndex(of: "(") { text = text[..<parenthesis] }
        guard !text.contains(where: { ",:;!?/\"".contains($0) }) else { return nil }
        let words = text.split(separator: " ").flatMap { WordSplitter.words($0) }
        guard let first = words.first?.lowercased(), NamingVocabulary.verbs.contains(first) else { return nil }
        let kept = [words[0]] + words.dropFirst().filter { !NamingVocabulary.fillerWords.contains($0.lowercased()) }
        guard kept.count >= 2, kept.count <= 6 else { return nil }
        return normalized(kept, shape: shape, method: method)
    }

    /// After "List", the noun the path names in the plural, else the last noun before a short
    /// word ("ListCall" → "List Calls", "listUsersInGroup" → "List Users in Group").
    private func pluralizeHeadNoun(_ rest: inout [String], shape: PathShape) {
        let nounEnd = rest.firstIndex(where: { NamingVocabulary.smallWords.contains($0.lowercased()) }) ?? rest.count
        guard nounEnd > 0 else { return }
        if rest.contains(where: EnglishInflector.isPlural) { return }
        // "listEmployeeTimeOff": the head noun cannot be counted.
        if EnglishInflector.uncountable.contains(rest[nounEnd - 1].lowercased()) { return }
        let pluralPathWords = Set(shape.tokens.flatMap { token -> [String] in
            if case .literal(let literal) = token { return literal.map { $0.lowercased() } }
            return []
        }.filter(EnglishInflector.isPlural))
        let position = rest.lastIndex { pluralPathWords.contains(EnglishInflector.plural($0).lowercased()) } ?? nounEnd - 1
        rest[position] = EnglishInflector.plural(rest[position])
    }

    /// Canonical verbs, "Get all X"/"Get X list" as "List X", "by ID" dropped, plurals after List.
    private func normalized(_ input: [String], shape: PathShape, method: APIOperation.Method) -> [String] {
        var words = input
        var verb = words[0].lowercased()
        if let canonical = NamingVocabulary.canonicalVerbs[verb], !canonical.utf8.contains(UInt8(ascii: " ")) { verb = canonical }
        if words.count > 2, verb == "get", words[1].lowercased() == "all" { verb = "list" }
        // "getAllDashboards", "listAllUsers": "all" adds nothing after the verb.
        if words.count > 2, NamingVocabulary.fillerWords.contains(words[1].lowercased()) { words.remove(at: 1) }
        if words.count > 2, let last = words.last?.lowercased(), last == "list" || last == "collection", verb == "get" {
            verb = "list"
            words.removeLast()
        }
        var rest = Array(words.dropFirst())
        // "Get a list of train stations".
        if verb == "get", rest.count > 2, rest[0].lowercased() == "list", rest[1].lowercased() == "of" {
            verb = "list"
            rest.removeFirst(2)
        }
        // "getUserById", "Delete pet by ID": the identifier is implied by the path.
        if rest.count > 2, rest[rest.count - 2].lowercased() == "by", ["id", "ids", "key", "uuid"].contains(rest[rest.count - 1].lowercased()) {
            rest.removeLast(2)
        }
        if verb == "get", method == .get, let last = rest.last, EnglishInflector.isPlural(last),
            case .literal? = shape.tokens.last, !rest.contains(where: { NamingVocabulary.smallWords.contains($0.lowercased()) })
        {
            verb = "list"
        }
        if verb == "list" {
            pluralizeHeadNoun(&rest, shape: shape)
        }
        // `GET /pullrequests/{pid}` gets one ("getPullRequestsById").
        // … and `DELETE /Allocations/{AllocationID}` deletes one ("deleteCreditNoteAllocations").
        if case .parameter? = shape.tokens.last, !rest.contains(where: { NamingVocabulary.smallWords.contains($0.lowercased()) }),
            let last = rest.last, EnglishInflector.isPlural(last),
            verb == "get" || (["update", "delete"].contains(verb) && shape.qualifiersFromEnd.first?.last?.lowercased() == EnglishInflector.singular(last.lowercased()))
        {
            rest[rest.count - 1] = EnglishInflector.singular(last)
        }
        // `POST /pets` creates one pet, whatever the operationId says ("createPets").
        if verb == "create", method == .post, let last = rest.last, EnglishInflector.isPlural(last),
            case .literal(let resource)? = shape.tokens.last, resource.last?.lowercased() == last.lowercased()
        {
            rest[rest.count - 1] = EnglishInflector.singular(last)
        }
        return Self.canonicalVerb(verb) + rest
    }
}
