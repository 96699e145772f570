/// A correction typed in plain language, as the drafter understands it.
///
/// Recognised forms, one per line: "the base URL is https://…", "call it Acme Orders" ("name it
/// …", "the title is …"), "remove /internal/health" ("delete", "drop", "ignore", with an
/// optional method), "`/orders/{id}` also takes `expand`" ("accepts", "has"; "as a header",
/// "required" and a type word are honoured).
enum DraftCorrection: Equatable {
    case baseURL(String)
    case title(String)
    case remove(method: String?, path: String)
    case addParameters(method: String?, path: String, names: [String], location: String, isRequired: Bool, type: String?)

    /// The correction a line states, or nil when the line is not one.
    init?(_ line: String) {
        let trimmed = DraftText.trimming(line, DraftText.whitespace.union([".", "!"]))
        let lower = trimmed.lowercased()
        // A message naming a base, server or host and giving a URL sets the base URL.
        if lower.contains("base") || lower.contains("server") || lower.contains("host") || lower.contains("lives at"),
            let url = DraftText.urls(in: trimmed).first, let parsed = DocumentedURL(url)
        {
            self = .baseURL(parsed.text)
            return
        }
        for prefix in [
            "call it ", "name it ", "title it ", "the title is ", "title: ", "rename it to ", "rename the api to ", "call the api ",
            "name the api ", "call this ", "the api is called ", "it is called ", "it's called ", "the name is ",
        ]
        where lower.hasPrefix(prefix) || lower.hasPrefix("please " + prefix) {
            let start = lower.hasPrefix("please ") ? prefix.count + 7 : prefix.count
            let title = DraftText.trimming(trimmed.dropFirst(start), DraftText.decoration.union(DraftText.whitespace))
            guard !title.isEmpty else { return nil }
            self = .title(String(title.prefix(120)))
            return
        }
        let words = DraftText.words(trimmed)
        guard let pathIndex = words.firstIndex(where: { DraftText.trimming($0, DraftText.decoration).hasPrefix("/") }),
            let path = PathTemplate.normalized(DraftText.trimming(words[pathIndex], DraftText.decoration))
        else { return nil }
        // A lower-case first word is the verb ("delete /internal/health"), not a method.
        let method = pathIndex > 0 ? Self.method(words[pathIndex - 1], exactCase: pathIndex == 1) : nil
        if let (names, rest) = Self.addedNames(after: words.dropFirst(pathIndex + 1)) {
            self = .addParameters(
                method: method, path: path, names: names, location: rest.contains("header") ? "header" : "query",
                isRequired: rest.contains("required") && !rest.contains("optional"),
                type: ["integer", "number", "boolean"].first { rest.contains($0) })
            return
        }
        // Checked after the form above: "DELETE /orders/{id} also takes `force`" names a method, not a removal.
        let verb = words.first.map { DraftText.plain($0) } ?? ""
        guard ["remove", "delete", "drop", "ignore", "exclude", "skip"].contains(verb) || lower.hasPrefix("please remove") else {
            return nil
        }
        self = .remove(method: method, path: path)
    }

    /// The parameter names after "takes", "accepts", … in the words following a path, and the
    /// lower-cased text after that verb (which says "header", "required", a type); nil without them.
    private static func addedNames(after words: ArraySlice<String>) -> (names: [String], rest: String)? {
        let verbs: Set<String> = ["takes", "accepts", "has", "supports", "gets", "needs", "requires"]
        guard let verbIndex = words.firstIndex(where: { verbs.contains(DraftText.plain($0)) }) else { return nil }
        let stopWords: Set<String> = [
            "and", "a", "an", "the", "optional", "query", "parameter", "parameters", "param", "params", "as", "header", "headers",
            "required", "also", "too", "string", "integer", "number", "boolean", "in", "of", "type", "argument", "field", "or", "with",
            "it",
        ]
        let following = words[words.index(after: verbIndex)...]
        var names: [String] = []
        for word in following {
            let name = DraftText.trimming(word, DraftText.decoration.union(DraftText.trailingPunctuation))
            guard !name.isEmpty, !stopWords.contains(name.lowercased()),
                name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.[]".contains($0) })
            else { continue }
            names.append(name)
        }
        guard !names.isEmpty else { return nil }
        return (names, following.joined(separator: " ").lowercased())
    }

    private static func method(_ word: String, exactCase: Bool) -> String? {
        let written = DraftText.trimming(word, DraftText.decoration)
        let method = written.uppercased()
        guard DraftText.methods.contains(method), !exactCase || written == method else { return nil }
        return method
    }

    /// Applies the correction to `api`; returns a sentence saying what changed, or why nothing did.
    func apply(to api: inout DraftAPI) -> (applied: Bool, sentence: String) {
        switch self {
        case .baseURL(let url):
            api.correctedBaseURL = url
            return (true, "Base URL set to \(url).")
        case .title(let title):
            api.title = title
            return (true, "Title set to \(title).")
        case .remove(let method, let path):
            let removed = api.removeEndpoints { ($0.method == method || method == nil) && $0.pathEnds(with: path) }
            guard removed > 0 else { return (false, "No endpoint matches \(method.map { $0 + " " } ?? "")\(path) to remove.") }
            return (true, "Removed \(removed) endpoint\(removed == 1 ? "" : "s") at \(path).")
        case .addParameters(let method, let path, let names, let location, let isRequired, let type):
            var targets = api.endpoints.indices.filter {
                api.endpoints[$0].pathEnds(with: path) && (method == nil || api.endpoints[$0].method == method)
            }
            // "/orders/{id} also takes expand" without a method means the read when there is one.
            if method == nil, targets.count > 1, let read = targets.first(where: { api.endpoints[$0].method == "GET" }) { targets = [read] }
            guard !targets.isEmpty else {
                return (false, "No endpoint matches \(method.map { $0 + " " } ?? "")\(path) to add \(names.joined(separator: ", ")) to.")
            }
            for index in targets {
                for name in names {
                    var parameter = DraftParameter(
                        name: name, location: location, schema: ParameterTable.schema(fromTypeText: type ?? "string"),
                        isRequired: isRequired)
                    parameter.typeIsDocumented = type != nil
                    api.endpoints[index].add(parameter)
                }
            }
            let endpointNames = targets.map { "\(api.endpoints[$0].method) \(path)" }.joined(separator: ", ")
            return (true, "Added \(location) parameter\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")) to \(endpointNames).")
        }
    }
}
