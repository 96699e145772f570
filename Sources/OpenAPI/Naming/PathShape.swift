/// A path template read for naming: literal segments as words, parameters by name, with
/// versions, `api` segments and file extensions dropped.
struct PathShape {
    enum Token: Equatable {
        case literal([String])
        case parameter(String)

        var words: [String] {
            switch self {
            case .literal(let words): return words
            case .parameter(let name): return WordSplitter.words(name)
            }
        }
    }

    var tokens: [Token] = []
    /// For each token, the index of the first token of its path segment: RPC-style segments
    /// ("admin.conversations.archive") give several tokens.
    var segmentStarts: [Int] = []
    /// Version segments dropped from the name ("v2"), kept to tell otherwise equal paths apart.
    var versions: [String] = []

    init(_ path: String) {
        // Split on the separator bytes: splitting by Character would run grapheme breaking over
        // every path, the bulk of naming time on large documents.
        for segmentBytes in path.utf8.split(separator: UInt8(ascii: "/")) {
            let segment = Substring(segmentBytes)
            if segment.utf8.contains(UInt8(ascii: "{")) {
                let inside = segment.drop(while: { $0 != "{" }).dropFirst().prefix(while: { $0 != "}" })
                // "/files/{name}.json" and "/{id}" are parameters; a literal prefix ("files{ext}") is rare and dropped.
                segmentStarts.append(tokens.count)
                tokens.append(.parameter(String(inside)))
                continue
            }
            var text = segment
            if let dot = segment.utf8.lastIndex(of: UInt8(ascii: ".")) {
                let fileExtension = LetterCase.lowercased(String(segment[dot...]))
                if fileExtension == ".json" || fileExtension == ".xml" || fileExtension == ".csv" || fileExtension == ".yaml" {
                    text = segment[..<dot]
                }
            }
            // RPC-style paths ("/chat.postMessage") name a resource and an action with dots.
            let segmentStart = tokens.count
            for partBytes in text.utf8.split(separator: UInt8(ascii: ".")) {
                let part = Substring(partBytes)
                if NamingVocabulary.isNoiseSegment(part) {
                    if part.first == "v" || part.first == "V" { versions.append(part.uppercased()) }
                    continue
                }
                let words = WordSplitter.words(part)
                if !words.isEmpty {
                    segmentStarts.append(segmentStart)
                    tokens.append(.literal(words))
                }
            }
        }
    }

    /// The literal segments from the end backwards, singular, for disambiguating qualifiers.
    var qualifiersFromEnd: [[String]] {
        tokens.reversed().compactMap { token in
            if case .literal(let words) = token { return ActionNamer.singularized(words) }
            return nil
        }
    }

    /// The last parameter's words ("{applicationId}" → application, ID), if any.
    var lastParameter: [String]? {
        for token in tokens.reversed() {
            if case .parameter(let name) = token { return WordSplitter.words(name) }
        }
        return nil
    }
}
