extension ActionNamer {
    /// Makes names unique within the list, with qualifiers that tell the colliding operations
    /// apart: "Replace" for a PUT beside a PATCH, then a path segment the others lack, nearest
    /// the end first ("Create Checkout Session" / "Create Billing Portal Session"); operations on
    /// one path under several methods say the method ("Search Books via POST"); then the
    /// the API version, the path-derived name, the last path parameter ("by Application ID"), and
    /// the whole path spelled out.
    func disambiguate(_ names: inout [String], candidates: inout [Candidate], operations: [APIOperation]) {
        let stages: [(ActionNamer, inout Candidate, [Candidate]) -> Bool] = [
            { namer, candidate, others in namer.qualifyBySegment(&candidate, against: others) },
            { namer, candidate, others in namer.qualifyByVersion(&candidate, against: others) },
            { namer, candidate, others in namer.qualifyByMethod(&candidate, against: others) },
            { namer, candidate, _ in namer.useThePath(&candidate) },
            { namer, candidate, others in namer.qualifyByParameter(&candidate, against: others) },
            { namer, candidate, _ in namer.spellOut(&candidate, withParameters: false) },
            { namer, candidate, _ in namer.spellOut(&candidate, withParameters: true) },
            { _, candidate, _ in
                candidate.words += ["via", candidate.method.rawValue]
                return true
            },
        ]
        var collisions = NameCollisions(names)
        for _ in 0..<8 {
            let groups = collisions.groups()
            if groups.isEmpty { return }
            for group in groups {
                // Each stage qualifies the members it can tell apart; it stops once at most one is left.
                var remaining = group
                for stage in stages where remaining.count > 1 {
                    let snapshot = remaining.map { candidates[$0] }
                    remaining = remaining.enumerated().filter { position, index in
                        var others = snapshot
                        others.remove(at: position)
                        return !stage(self, &candidates[index], others)
                    }.map(\.element)
                }
                for index in group {
                    let name = finish(candidates[index].words)
                    collisions.rename(index, from: names[index], to: name)
                    names[index] = name
                }
            }
        }
    }

    /// Inserts the nearest path segment the others lack; false when there is none.
    private func qualifyBySegment(_ candidate: inout Candidate, against others: [Candidate]) -> Bool {
        let verb = candidate.words.first.map(LetterCase.lowercased)
        if candidate.method == .put, verb == "update", others.contains(where: { $0.method == .patch }) {
            candidate.words[0] = "replace"
            return true
        }
        let present = Set(candidate.words.map { EnglishInflector.singular(LetterCase.lowercased($0)) })
        // The others' segments are read only once a segment of this candidate gets that far,
        // and kept as lists: a path has few segments.
        var othersSegments: [[String]]?
        guard let qualifier = candidate.shape.qualifiersFromEnd.first(where: { words in
            // A segment that is itself an action ("getRecordByID") is no qualifier.
            guard !NamingVocabulary.verbs.contains(words.first.map(LetterCase.lowercased) ?? ""),
                !words.allSatisfy({ present.contains(EnglishInflector.singular(LetterCase.lowercased($0))) })
            else { return false }
            let segments = othersSegments ?? others.map { $0.shape.qualifiersFromEnd.map { LetterCase.lowercased($0.joined(separator: " ")) } }
            othersSegments = segments
            let segment = LetterCase.lowercased(words.joined(separator: " "))
            return segments.contains { !$0.contains(segment) }
        }) else { return false }
        candidate.words.insert(contentsOf: qualifier.filter { !present.contains(EnglishInflector.singular(LetterCase.lowercased($0))) }, at: 1)
        return true
    }

    /// `/oauth.access` and `/oauth.v2.access`: only the version tells them apart.
    private func qualifyByVersion(_ candidate: inout Candidate, against others: [Candidate]) -> Bool {
        guard let version = candidate.shape.versions.last, !candidate.words.contains(version),
            others.contains(where: { $0.shape.versions.last != version })
        else { return false }
        candidate.words.insert(version, at: 1)
        return true
    }

    /// The same path under another method: the GET keeps the plain name, the others say their method.
    private func qualifyByMethod(_ candidate: inout Candidate, against others: [Candidate]) -> Bool {
        guard others.contains(where: { $0.shape.tokens == candidate.shape.tokens }) else { return false }
        guard candidate.method != .get else { return false }
        candidate.words += ["via", candidate.method.rawValue]
        return true
    }

    /// A name from the operationId or summary gives way to the path-derived one.
    private func useThePath(_ candidate: inout Candidate) -> Bool {
        guard candidate.source != .path else { return false }
        candidate.words = pathWords(candidate.shape, method: candidate.method)
        candidate.source = .path
        return true
    }

    /// "by Application ID" when the last path parameter differs from the others'.
    private func qualifyByParameter(_ candidate: inout Candidate, against others: [Candidate]) -> Bool {
        let present = Set(candidate.words.map { EnglishInflector.singular(LetterCase.lowercased($0)) })
        guard let parameter = candidate.shape.lastParameter,
            !parameter.allSatisfy({ present.contains(EnglishInflector.singular(LetterCase.lowercased($0))) }),
            others.contains(where: { $0.shape.lastParameter != parameter })
        else { return false }
        candidate.words += ["by"] + parameter
        return true
    }

    /// The path-derived verb, then every literal path word as written, parameters as "by <name>"
    /// when asked for.
    private func spellOut(_ candidate: inout Candidate, withParameters: Bool) -> Bool {
        var words = [pathWords(candidate.shape, method: candidate.method).first ?? "call"]
        for token in candidate.shape.tokens {
            switch token {
            case .literal(let literal): words += literal
            case .parameter(let name): if withParameters { words += ["by"] + WordSplitter.words(name) }
            }
        }
        guard words != candidate.words else { return false }
        candidate.words = words
        return true
    }
}
