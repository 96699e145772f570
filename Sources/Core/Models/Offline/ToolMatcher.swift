/// Ranks an agent's tools for a message by the words they share: a word of the tool's name counts
/// most, then its path, its parameter names and its description; the message's verb ("create",
/// "list", "cancel") and the values it holds ("order 42" fits a tool with an order id) add to it.
struct ToolMatcher {
    /// One tool's score for the message, with the arguments the message gives it.
    struct Match {
        var tool: ToolDescription
        var score: Double
        var arguments: ArgumentAssigner
        /// The values found in the message.
        var clues: [ArgumentClue]
    }

    /// What a tool must reach: at least one word of its name or path (2 points) in the message.
    static let threshold = 2.0

    private static let stopWords: Set<String> = [
        "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "with", "from", "about", "into", "and", "or", "but",
        "my", "me", "i", "im", "you", "your", "we", "our", "us", "it", "its", "this", "that", "these", "those", "there",
        "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "can", "could", "would", "should", "will",
        "please", "s", "d", "ll", "ve", "re", "t", "what", "whats", "which", "who", "how", "when", "where", "why", "some",
        "any", "all", "every", "each", "want", "need", "like", "let", "just", "also", "now", "then", "hi", "hello",
        "thanks", "thank", "give", "tell", "show", "get", "list", "see", "new", "id", "number", "no",
    ]
    /// Message words that say what the person wants done, by canonical verb.
    private static let intentWords: [String: String] = [
        "get": "get", "show": "get", "what": "get", "whats": "get", "status": "get", "detail": "get", "details": "get",
        "check": "get", "fetch": "get", "see": "get", "view": "get", "look": "get", "retrieve": "get", "read": "get",
        "tell": "get", "find": "get", "list": "list", "all": "list", "my": "list", "browse": "list", "search": "list",
        "every": "list", "recent": "list", "latest": "list", "which": "list", "create": "create", "new": "create",
        "add": "create", "make": "create", "open": "create", "issue": "create", "raise": "create",
        "register": "create", "submit": "create", "book": "create", "update": "update", "change": "update",
        "edit": "update", "modify": "update", "set": "update", "rename": "update", "mark": "update",
        "delete": "delete", "remove": "delete", "erase": "delete", "destroy": "delete",
    ]
    /// A tool title's first word, by canonical verb.
    private static let toolVerbs: [String: String] = [
        "get": "get", "retrieve": "get", "fetch": "get", "read": "get", "show": "get", "find": "get", "list": "list",
        "search": "list", "browse": "list", "query": "list", "create": "create", "add": "create", "new": "create",
        "make": "create", "issue": "create", "update": "update", "edit": "update", "change": "update",
        "modify": "update", "set": "update", "replace": "update", "patch": "update", "delete": "delete",
        "remove": "delete", "destroy": "delete",
    ]
    private static let writeIntents: Set<String> = ["create", "update", "delete"]

    /// The message's content words, stemmed (stop words and numbers dropped).
    let contentWords: Set<String>
    /// The message's words that are plurals of a content word ("invoices").
    let pluralWords: Set<String>
    /// The message's intents (canonical verbs) and raw lower-case words.
    let intents: Set<String>
    let rawWords: Set<String>
    let clues: [ArgumentClue]
    let freeWords: [String]

    init(message: String) {
        var extractor = ArgumentExtractor(message: message)
        extractor.run()
        clues = extractor.clues
        freeWords = extractor.freeWords
        let words = extractor.tokens.filter { !$0.isQuoted }.flatMap { IdentifierWords.split($0.text) }.map { $0.lowercased() }
        rawWords = Set(words)
        intents = Set(words.compactMap { Self.intentWords[$0] })
        let content = words.filter { !Self.stopWords.contains($0) && !$0.allSatisfy(\.isNumber) }
        contentWords = Set(content.map(WordForms.stem))
        pluralWords = Set(content.filter { WordForms.singular($0) != $0 }.map(WordForms.stem))
    }

    /// Every tool that reaches the threshold, best first; ties keep the tools' order.
    func rank(_ tools: [ToolDescription]) -> [Match] {
        let scored = tools.enumerated().compactMap { position, tool in score(tool).map { (position, $0) } }
        return scored.sorted { left, right in
            left.1.score != right.1.score ? left.1.score > right.1.score : left.0 < right.0
        }.map(\.1)
    }

    private func score(_ tool: ToolDescription) -> Match? {
        let titleWords = IdentifierWords.split(tool.title).map { $0.lowercased() }
        let verbWord = titleWords.first ?? ""
        let verb = Self.toolVerbs[verbWord] ?? verbWord
        let nameWords = Set(
            (titleWords.dropFirst() + IdentifierWords.split(tool.name).dropFirst().map { $0.lowercased() }).map(WordForms.stem))
        let pathWords = Set(
            IdentifierWords.split(tool.pathTemplate.split(separator: "/").filter { !$0.hasPrefix("{") }.joined(separator: " "))
                .map { WordForms.stem($0.lowercased()) })
        let parameterWords = Set(tool.parameters.flatMap { IdentifierWords.split($0.name) }.map { WordForms.stem($0.lowercased()) })
        let descriptionWords = Set(IdentifierWords.split(tool.description).map { WordForms.stem($0.lowercased()) })

        var nounScore = 0.0
        for word in contentWords where word != WordForms.stem(verbWord) {
            if nameWords.contains(word) {
                nounScore += 3
            } else if pathWords.contains(word) {
                nounScore += 2
            } else if parameterWords.contains(word) {
                nounScore += 1
            } else if descriptionWords.contains(word) {
                nounScore += 0.5
            }
        }
        guard nounScore >= Self.threshold else { return nil }
        // Among tools sharing a word, the one whose title the message covers best, in the same
        // form ("pet" is Find Pet, not Find Pets), is meant.
        let titleNouns = titleWords.dropFirst()
        if !titleNouns.isEmpty {
            let covered = titleNouns.filter { contentWords.contains(WordForms.stem($0)) }.count
            nounScore += 2 * Double(covered) / Double(titleNouns.count)
            nounScore += 0.5 * Double(titleNouns.filter { rawWords.contains($0) }.count)
        }

        var arguments = ArgumentAssigner(tool: tool)
        arguments.assign(clues, freeWords: freeWords)
        var score = nounScore + 0.5 * Double(arguments.filledCount)
        if rawWords.contains(verbWord) {
            score += 3
        } else if intents.contains(verb) {
            score += 2
        }
        let namesOneResource = tool.parameters.contains { $0.location == .path && $0.isRequired }
        if verb == "list" && !pluralWords.isDisjoint(with: nameWords) { score += 1.5 }
        if arguments.filledPathFromReference { score += 2.5 }
        let missingPath = tool.parameters.filter { $0.location == .path && arguments.arguments[$0.name] == nil }.count
        if namesOneResource && missingPath > 0 && !pluralWords.isDisjoint(with: nameWords) { score -= 1.5 }
        // Reading is harmless, writing needs a reason: without a writing word, prefer a read.
        if tool.access == .write && intents.isDisjoint(with: Self.writeIntents) && !rawWords.contains(verbWord) { score -= 2 }
        return Match(tool: tool, score: score, arguments: arguments, clues: clues)
    }
}
