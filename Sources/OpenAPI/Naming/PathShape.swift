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
        // Split on the separator bytes, without collecting the parts: splitting by Character
        // would run grapheme breaking over every path, the bulk of naming time on large documents.
        Self.forEachPart(of: path[...], separatedBy: UInt8(ascii: "/")) { segment in
            if segment.utf8.contains(UInt8(ascii: "{")) {
                // "/files/{name}.json" and "/{id}" are parameters; a literal prefix ("files{ext}") is rare and dropped.
                segmentStarts.append(tokens.count)
                tokens.append(.parameter(String(Self.parameterName(in: segment))))
                return
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
            Self.forEachPart(of: text, separatedBy: UInt8(ascii: ".")) { part in
                if NamingVocabulary.isNoiseSegment(part) {
                    if part.first == "v" || part.first == "V" { versions.append(part.uppercased()) }
                    return
                }
                let words = WordSplitter.words(part)
                if !words.isEmpty {
                    segmentStarts.append(segmentStart)
                    tokens.append(.literal(words))
                }
            }
        }
    }

    /// Calls `body` with each non-empty part of the text between ASCII separator bytes, as
    /// `split(separator:)` on its bytes would give them, without building the array.
    private static func forEachPart(of text: Substring, separatedBy separator: UInt8, _ body: (Substring) -> Void) {
        let bytes = text.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: separator) ?? bytes.endIndex
            if start < end { body(Substring(bytes[start..<end])) }
            start = end < bytes.endIndex ? bytes.index(after: end) : end
        }
    }

    /// The text between the segment's first "{" and the next "}" (or the segment's end).
    private static func parameterName(in segment: Substring) -> Substring {
        let bytes = segment.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }), let brace = bytes.firstIndex(of: UInt8(ascii: "{")) else {
            // Outside ASCII a brace followed by a combining mark is another Character: walk Characters.
            return segment.drop(while: { $0 != "{" }).dropFirst().prefix(while: { $0 != "}" })
        }
        let nameStart = bytes.index(after: brace)
        let nameEnd = bytes[nameStart...].firstIndex(of: UInt8(ascii: "}")) ?? bytes.endIndex
        return Substring(bytes[nameStart..<nameEnd])
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
