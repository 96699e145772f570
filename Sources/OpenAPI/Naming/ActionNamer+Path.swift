extension ActionNamer {
    /// A name from the method and path alone, following REST conventions.
    func pathWords(_ shape: PathShape, method: APIOperation.Method) -> [String] {
        let tokens = shape.tokens
        guard let lastLiteral = tokens.lastIndex(where: { if case .literal = $0 { return true } else { return false } }),
            case .literal(let resource) = tokens[lastLiteral], let firstWord = resource.first
        else {
            return [Self.verb(for: method, isItem: true, isPlural: false), tokens.isEmpty ? "root" : "item"]
        }
        let isItem = lastLiteral < tokens.count - 1
        // `/orders/{id}/cancel`, `/customers/search`, `/chat.postMessage`: the last segment is the action.
        // "login_links" is a noun: a verb-first segment ending in a plural names a collection.
        let endsInPlural = resource.count > 1 && resource.last.map(EnglishInflector.isPlural) == true
            && NamingVocabulary.nounLikeVerbs.contains(LetterCase.lowercased(firstWord))
        if !isItem, NamingVocabulary.isVerb(firstWord), lastLiteral > 0 || resource.count > 1, !endsInPlural {
            if shape.segmentStarts[lastLiteral] < lastLiteral - 1 {
                // `/users.profile.get`, `/admin.conversations.archive`: every dotted word before the action.
                return Self.canonicalVerb(firstWord) + Self.dottedOwner(shape, before: lastLiteral) + resource.dropFirst()
            }
            return actionWords(verb: firstWord, rest: Array(resource.dropFirst()), tokens: tokens, actionIndex: lastLiteral)
        }
        var owner: [String] = []
        if lastLiteral >= 2, case .parameter = tokens[lastLiteral - 1], case .literal(let ownerWords) = tokens[lastLiteral - 2] {
            owner = Self.singularized(ownerWords)
        } else if shape.segmentStarts[lastLiteral] < lastLiteral {
            // `/conversations.info`: the dotted words before the last name whose it is.
            owner = Self.dottedOwner(shape, before: lastLiteral)
        }
        let isPlural = resource.last.map(EnglishInflector.isPlural) ?? false
        let verb = Self.verb(for: method, isItem: isItem, isPlural: isPlural)
        let noun = (isItem || method == .post) ? Self.singularized(resource) : resource
        // One array for the name (chained `+` would copy at each step).
        var words: [String] = []
        words.reserveCapacity(1 + owner.count + noun.count)
        words.append(verb)
        words += owner
        words += noun
        return words
    }

    private func actionWords(verb: String, rest: [String], tokens: [PathShape.Token], actionIndex: Int) -> [String] {
        var objectIndex = actionIndex - 1
        var isItem = false
        if objectIndex >= 0, case .parameter = tokens[objectIndex] {
            isItem = true
            objectIndex -= 1
        }
        var object: [String] = []
        var isBatch = false
        if objectIndex >= 0, case .literal(let words) = tokens[objectIndex] {
            object = words
            // `/contacts/batch/archive`: the batch is a modifier of the resource before it.
            if let only = words.first, words.count == 1, (LetterCase.equal(only, lowercaseASCII: "batch") || LetterCase.equal(only, lowercaseASCII: "bulk")), objectIndex >= 1,
                case .literal(let resource) = tokens[objectIndex - 1]
            {
                object = resource
                isBatch = true
            }
        }
        let lowerVerb = LetterCase.lowercased(verb)
        if isItem {
            object = Self.singularized(object)
        } else if isBatch || NamingVocabulary.collectionVerbs.contains(lowerVerb), let last = object.last,
            !(last.count > 5 && last.lowercased().hasSuffix("ed"))
        {
            // ("denied", "archived" are states, not things to count.)
            object = object.dropLast() + [EnglishInflector.plural(last)]
        } else {
            // `/conversations.open` opens one conversation.
            object = Self.singularized(object)
        }
        return (isBatch ? ["batch"] : []) + Self.canonicalVerb(verb) + object + rest
    }

    /// The singular of each dotted word of the segment before `index`.
    private static func dottedOwner(_ shape: PathShape, before index: Int) -> [String] {
        shape.tokens[shape.segmentStarts[index]..<index].flatMap { token -> [String] in
            if case .literal(let words) = token { return singularized(words) }
            return []
        }
    }

    static func verb(for method: APIOperation.Method, isItem: Bool, isPlural: Bool) -> String {
        switch method {
        case .get: return isItem || !isPlural ? "get" : "list"
        case .post: return isItem ? "update" : "create"
        case .put, .patch: return "update"
        case .delete: return "delete"
        case .head: return "check"
        case .options: return "describe"
        case .trace: return "trace"
        }
    }

    static func singularized(_ words: [String]) -> [String] {
        guard let last = words.last else { return words }
        var singular = words
        singular[singular.count - 1] = EnglishInflector.singular(last)
        return singular
    }

    /// The verb as names write it, possibly two words ("lookup" → "look up").
    static func canonicalVerb(_ verb: String) -> [String] {
        var words: [String] = []
        appendCanonicalVerb(verb, to: &words)
        return words
    }

    /// Appends the verb as names write it to `words`.
    static func appendCanonicalVerb(_ verb: String, to words: inout [String]) {
        guard let canonical = NamingVocabulary.canonicalVerbs[LetterCase.lowercased(verb)] else {
            words.append(verb)
            return
        }
        words += canonical.split(separator: " ").map(String.init)
    }
}
