extension ActionNamer {
    /// The words of an operationId when it reads as a name: starts with a verb, two to seven
    /// words, not generated from the method and path ("GetCustomersCustomer").
    func operationIDWords(_ operationID: String, shape: PathShape, method: APIOperation.Method) -> [String]? {
        guard !LetterCase.withBytes(of: operationID, { $0.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "{") } }) else { return nil }
        var words = WordSplitter.words(operationID)
        // springfox appends "UsingGET".
        if words.count > 2, words[words.count - 2].utf8.count == 5, LetterCase.equal(words[words.count - 2], lowercaseASCII: "using"),
            APIOperation.Method(rawValue: words[words.count - 1].uppercased()) != nil
        {
            words.removeLast(2)
        }
        // Box-style version suffixes ("post_notes_convert_v2026.0") say nothing about the action.
        words.removeAll(where: NamingVocabulary.isNoiseSegment)
        guard words.count >= 2, words.count <= 7, let first = words.first.map(LetterCase.lowercased), NamingVocabulary.verbs.contains(first) else {
            return nil
        }
        // Generated from method and path ("GetCustomersCustomer", "post_automate_workflows_id_start"):
        // the method, then path words in path order with every literal word as written. The path reads better.
        if LetterCase.equal(first, method.rawValue) {
            let rest = words.dropFirst().map(LetterCase.lowercased)
            if Self.isSubsequence(rest, ofWordsOf: shape), shape.lowercaseLiteralWords.allSatisfy(rest.contains) { return nil }
        }
        return normalized(words, shape: shape, method: method)
    }

    /// Whether the word names an identifier ("id", "ids", "key", "uuid"), in any case.
    private static func isIdentifierWord(_ word: String) -> Bool {
        LetterCase.equal(word, lowercaseASCII: "id") || LetterCase.equal(word, lowercaseASCII: "ids")
            || LetterCase.equal(word, lowercaseASCII: "key") || LetterCase.equal(word, lowercaseASCII: "uuid")
    }

    /// Whether the lowercase words appear, in order, among the words of the path (parameters'
    /// too, lowercased); a parameter's name is split only when the walk gets to it.
    private static func isSubsequence(_ candidate: [String], ofWordsOf shape: PathShape) -> Bool {
        var remaining = candidate[...]
        for token in shape.tokens {
            guard let wanted = remaining.first else { return true }
            let words: [String]
            switch token {
            case .literal(let literal): words = literal
            case .parameter(let name): words = WordSplitter.words(name)
            }
            var next = wanted
            for word in words where LetterCase.lowercased(word) == next {
                remaining.removeFirst()
                guard let following = remaining.first else { return true }
                next = following
            }
        }
        return remaining.isEmpty
    }

    /// The words of a summary when it is a short imperative ("Retrieve a customer").
    func summaryWords(_ summary: String, shape: PathShape, method: APIOperation.Method) -> [String]? {
        guard let phrase = SummaryPhrase(summary) else { return nil }
        // A verb, then at most five words that are not filler: a longer summary is given up
        // on as soon as it is known to be too long, without splitting the rest into words.
        var kept: [String] = []
        for piece in phrase.pieces {
            for word in WordSplitter.words(piece) {
                if kept.isEmpty {
                    guard NamingVocabulary.isVerb(word) else { return nil }
                    kept.append(word)
                } else if !NamingVocabulary.isFillerWord(word) {
                    kept.append(word)
                    if kept.count > 6 { return nil }
                }
            }
        }
        guard kept.count >= 2 else { return nil }
        return normalized(kept, shape: shape, method: method)
    }

    /// After "List", the noun the path names in the plural, else the last noun before a short
    /// word ("ListCall" → "List Calls", "listUsersInGroup" → "List Users in Group").
    private func pluralizeHeadNoun(_ rest: inout [String], shape: PathShape) {
        let nounEnd = rest.firstIndex(where: NamingVocabulary.isSmallWord) ?? rest.count
        guard nounEnd > 0 else { return }
        if rest.contains(where: EnglishInflector.isPlural) { return }
        // "listEmployeeTimeOff": the head noun cannot be counted.
        if EnglishInflector.isUncountable(LetterCase.lowercased(rest[nounEnd - 1])) { return }
        // A path has few words: a list is searched faster than a set is built.
        let pluralPathWords = shape.lowercaseLiteralWords.filter(EnglishInflector.isPlural)
        let pathPlural = pluralPathWords.isEmpty
            ? nil : rest.lastIndex(where: { pluralPathWords.contains(LetterCase.lowercased(EnglishInflector.plural($0))) })
        let position = pathPlural ?? nounEnd - 1
        rest[position] = EnglishInflector.plural(rest[position])
    }

    /// Canonical verbs, "Get all X"/"Get X list" as "List X", "by ID" dropped, plurals after List.
    private func normalized(_ input: [String], shape: PathShape, method: APIOperation.Method) -> [String] {
        var words = input
        var verb = LetterCase.lowercased(words[0])
        if let canonical = NamingVocabulary.canonicalVerbs[verb], !canonical.utf8.contains(UInt8(ascii: " ")) { verb = canonical }
        if words.count > 2, verb == "get", LetterCase.equal(words[1], lowercaseASCII: "all") { verb = "list" }
        // "getAllDashboards", "listAllUsers": "all" adds nothing after the verb.
        if words.count > 2, NamingVocabulary.isFillerWord(words[1]) { words.remove(at: 1) }
        if words.count > 2, let last = words.last, LetterCase.equal(last, lowercaseASCII: "list") || LetterCase.equal(last, lowercaseASCII: "collection"), verb == "get" {
            verb = "list"
            words.removeLast()
        }
        var rest = Array(words.dropFirst())
        // "Get a list of train stations".
        if verb == "get", rest.count > 2, LetterCase.equal(rest[0], lowercaseASCII: "list"), LetterCase.equal(rest[1], lowercaseASCII: "of") {
            verb = "list"
            rest.removeFirst(2)
        }
        // "getUserById", "Delete pet by ID": the identifier is implied by the path.
        if rest.count > 2, LetterCase.equal(rest[rest.count - 2], lowercaseASCII: "by"),
            Self.isIdentifierWord(rest[rest.count - 1])
        {
            rest.removeLast(2)
        }
        if verb == "get", method == .get, let last = rest.last, EnglishInflector.isPlural(last),
            case .literal? = shape.tokens.last, !rest.contains(where: NamingVocabulary.isSmallWord)
        {
            verb = "list"
        }
        if verb == "list" {
            pluralizeHeadNoun(&rest, shape: shape)
        }
        // `GET /pullrequests/{pid}` gets one ("getPullRequestsById").
        // … and `DELETE /Allocations/{AllocationID}` deletes one ("deleteCreditNoteAllocations").
        if case .parameter? = shape.tokens.last, !rest.contains(where: NamingVocabulary.isSmallWord),
            let last = rest.last, EnglishInflector.isPlural(last),
            verb == "get"
                || ((verb == "update" || verb == "delete")
                    && shape.qualifiersFromEnd.first?.last.map(LetterCase.lowercased) == EnglishInflector.singular(LetterCase.lowercased(last)))
        {
            rest[rest.count - 1] = EnglishInflector.singular(last)
        }
        // `POST /pets` creates one pet, whatever the operationId says ("createPets").
        if verb == "create", method == .post, let last = rest.last, EnglishInflector.isPlural(last),
            case .literal(let resource)? = shape.tokens.last, let resourceLast = resource.last, LetterCase.equal(resourceLast, last)
        {
            rest[rest.count - 1] = EnglishInflector.singular(last)
        }
        var result: [String] = []
        result.reserveCapacity(rest.count + 2)
        Self.appendCanonicalVerb(verb, to: &result)
        result += rest
        return result
    }
}
