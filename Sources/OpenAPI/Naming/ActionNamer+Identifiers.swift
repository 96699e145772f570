extension ActionNamer {
    /// The words of an operationId when it reads as a name: starts with a verb, two to seven
    /// words, not generated from the method and path ("GetCustomersCustomer").
    func operationIDWords(_ operationID: String, shape: PathShape, method: Operation.Method) -> [String]? {
        guard !operationID.contains("/"), !operationID.contains("{") else { return nil }
        var words = WordSplitter.words(operationID)
        // springfox appends "UsingGET".
        if words.count > 2, words[words.count - 2].lowercased() == "using",
            Operation.Method(rawValue: words[words.count - 1].uppercased()) != nil
        {
            words.removeLast(2)
        }
        guard words.count >= 2, words.count <= 7, let first = words.first?.lowercased(), NamingVocabulary.verbs.contains(first) else {
            return nil
        }
        if Operation.Method(rawValue: first.uppercased()) != nil {
            let vocabulary = shape.vocabulary
            let generated = words.dropFirst().allSatisfy { vocabulary.contains(EnglishInflector.singular($0.lowercased())) }
            if generated { return nil }
        }
        return normalized(words, shape: shape, method: method)
    }

    /// The words of a summary when it is a short imperative ("Retrieve a customer").
    func summaryWords(_ summary: String, shape: PathShape, method: Operation.Method) -> [String]? {
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

    /// Canonical verbs, "Get all X"/"Get X list" as "List X", "by ID" dropped, plurals after List.
    private func normalized(_ input: [String], shape: PathShape, method: Operation.Method) -> [String] {
        var words = input.filter { !NamingVocabulary.fillerWords.contains($0.lowercased()) || $0 == input.first }
        var verb = words[0].lowercased()
        if input.count > 1, verb == "get", input[1].lowercased() == "all" { verb = "list" }
        if words.count > 2, let last = words.last?.lowercased(), last == "list" || last == "collection", verb == "get" {
            verb = "list"
            words.removeLast()
        }
        var rest = Array(words.dropFirst())
        // "getUserById", "Delete pet by ID": the identifier is implied by the path.
        if rest.count > 2, rest[rest.count - 2].lowercased() == "by", ["id", "ids", "key", "uuid"].contains(rest[rest.count - 1].lowercased()) {
            rest.removeLast(2)
        }
        if verb == "get", method == .get, let last = rest.last, EnglishInflector.isPlural(last),
            case .literal? = shape.tokens.last, !rest.contains(where: { NamingVocabulary.smallWords.contains($0.lowercased()) })
        {
            verb = "list"
        }
        if verb == "list", let nounEnd = rest.firstIndex(where: { NamingVocabulary.smallWords.contains($0.lowercased()) }) ?? Optional(rest.count),
            nounEnd > 0
        {
            rest[nounEnd - 1] = EnglishInflector.plural(rest[nounEnd - 1])
        }
        return Self.canonicalVerb(verb) + rest
    }
}
