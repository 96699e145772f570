extension ActionNamer {
    /// Makes names unique within the list, with qualifiers that tell the colliding operations
    /// apart: "Replace" for a PUT beside a PATCH, then a path segment the others lack, nearest
    /// the end first ("Create Checkout Session" / "Create Billing Portal Session"), then the last
    /// path parameter ("by Application ID"), then the API version, then the whole path spelled
    /// out, and only when even that collides (paths differing in punctuation) the method.
    func disambiguate(_ names: inout [String], candidates: inout [Candidate], operations: [Operation]) {
        for round in 0..<12 {
            let groups = Dictionary(grouping: names.indices, by: { names[$0].lowercased() }).values.filter { $0.count > 1 }
            if groups.isEmpty { return }
            for group in groups.map({ $0.sorted() }) {
                for index in group {
                    let others = group.filter { $0 != index }.map { candidates[$0] }
                    qualify(&candidates[index], against: others, lastResort: round >= 10, operation: operations[index])
                    names[index] = finish(candidates[index].words)
                }
            }
        }
    }

    private func qualify(_ candidate: inout Candidate, against others: [Candidate], lastResort: Bool, operation: Operation) {
        if lastResort {
            candidate.words = [operation.method.rawValue] + candidate.words
            return
        }
        let verb = candidate.words.first?.lowercased()
        if candidate.method == .put, verb == "update", others.contains(where: { $0.method == .patch }) {
            candidate.words[0] = "replace"
            return
        }
        let present = Set(candidate.words.map { EnglishInflector.singular($0.lowercased()) })
        func isPresent(_ words: [String]) -> Bool {
            words.allSatisfy { present.contains(EnglishInflector.singular($0.lowercased())) }
        }
        // A segment every colliding operation has cannot tell them apart.
        let shared = others.map { Set($0.shape.qualifiersFromEnd.map { $0.joined(separator: " ").lowercased() }) }
        if let qualifier = candidate.shape.qualifiersFromEnd.first(where: { words in
            !isPresent(words) && shared.contains { !$0.contains(words.joined(separator: " ").lowercased()) }
        }) {
            candidate.words.insert(contentsOf: qualifier.filter { !present.contains(EnglishInflector.singular($0.lowercased())) }, at: 1)
            return
        }
        if candidate.source != .path {
            candidate.words = pathWords(candidate.shape, method: candidate.method)
            candidate.source = .path
            return
        }
        if let parameter = candidate.shape.lastParameter, !isPresent(parameter),
            others.contains(where: { $0.shape.lastParameter != parameter })
        {
            candidate.words += ["by"] + parameter
            return
        }
        if let version = candidate.shape.versions.last, !present.contains(version.lowercased()),
            others.contains(where: { $0.shape.versions.last != version })
        {
            candidate.words.insert(version, at: 1)
            return
        }
        candidate.words = spelledOut(candidate)
    }

    /// The path-derived verb, then every path word, parameters as "by <name>".
    private func spelledOut(_ candidate: Candidate) -> [String] {
        var words = [pathWords(candidate.shape, method: candidate.method).first ?? "call"]
        for token in candidate.shape.tokens {
            switch token {
            case .literal(let literal): words += literal
            case .parameter(let name): words += ["by"] + WordSplitter.words(name)
            }
        }
        return words
    }
}
