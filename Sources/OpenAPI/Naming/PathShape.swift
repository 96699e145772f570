/// A path template read for naming: literal segments as words, parameters by name, with
/// versions, `api` segments and file extensions dropped.
struct PathShape {
    enum Token: Equatable {
        case literal([String])
        case parameter(String)
    }

    var tokens: [Token] = []
    /// For each token, the index of the first token of its path segment: RPC-style segments
    /// ("admin.conversations.archive") give several tokens.
    var segmentStarts: [Int] = []
    /// Version segments dropped from the name ("v2"), kept to tell otherwise equal paths apart.
    var versions: [String] = []
    /// The words of the literal tokens, lowercase and in path order.
    private(set) var lowercaseLiteralWords: [String] = []

    init(_ path: String) {
        // Split on the separator bytes, by offsets into the path's storage: splitting by
        // Character would run grapheme breaking over every path, the bulk of naming time on
        // large documents. The separators are ASCII, so every offset is a Character boundary.
        var storage = path
        storage.withUTF8 { bytes in
            // At most one token per part: room for all of them at once.
            let partLimit = bytes.count(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }) + 1
            tokens.reserveCapacity(partLimit)
            segmentStarts.reserveCapacity(partLimit)
            func text(_ range: Range<Int>) -> Substring {
                let start = path.utf8.index(path.utf8.startIndex, offsetBy: range.lowerBound)
                return Substring(path.utf8[start..<path.utf8.index(start, offsetBy: range.count)])
            }
            Self.forEachPart(of: bytes, in: 0..<bytes.count, separatedBy: UInt8(ascii: "/")) { segment in
                if bytes[segment].contains(UInt8(ascii: "{")) {
                    // "/files/{name}.json" and "/{id}" are parameters; a literal prefix ("files{ext}") is rare and dropped.
                    segmentStarts.append(tokens.count)
                    let name = Self.parameterNameRange(in: bytes, segment).map { String(text($0)) } ?? String(Self.parameterName(in: text(segment)))
                    tokens.append(.parameter(name))
                    return
                }
                var name = segment
                if let dot = bytes[segment].lastIndex(of: UInt8(ascii: ".")) {
                    let fileExtension = LetterCase.lowercased(String(text(dot..<segment.upperBound)))
                    if fileExtension == ".json" || fileExtension == ".xml" || fileExtension == ".csv" || fileExtension == ".yaml" {
                        name = segment.lowerBound..<dot
                    }
                }
                // RPC-style paths ("/chat.postMessage") name a resource and an action with dots.
                let segmentStart = tokens.count
                Self.forEachPart(of: bytes, in: name, separatedBy: UInt8(ascii: ".")) { partRange in
                    // Read from the bytes in place; a part outside ASCII goes through `Substring`.
                    let partBytes = UnsafeBufferPointer(rebasing: bytes[partRange])
                    if let isNoise = NamingVocabulary.isNoiseSegment(utf8: partBytes) {
                        if isNoise {
                            // Answered from ASCII bytes: the first Character is the first byte.
                            if partBytes.first.map(LetterCase.lowercase) == UInt8(ascii: "v") { versions.append(text(partRange).uppercased()) }
                            return
                        }
                    } else if NamingVocabulary.isNoiseSegment(text(partRange)) {
                        let part = text(partRange)
                        if part.first == "v" || part.first == "V" { versions.append(part.uppercased()) }
                        return
                    }
                    let words = WordSplitter.words(ascii: partBytes) ?? WordSplitter.words(text(partRange))
                    if !words.isEmpty {
                        segmentStarts.append(segmentStart)
                        tokens.append(.literal(words))
                        for word in words { lowercaseLiteralWords.append(LetterCase.lowercased(word)) }
                    }
                }
            }
        }
    }

    /// Calls `body` with the range of each non-empty part of `bytes[range]` between separator
    /// bytes, as `split(separator:)` would give them, without building the array.
    private static func forEachPart(
        of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, separatedBy separator: UInt8, _ body: (Range<Int>) -> Void
    ) {
        var start = range.lowerBound
        for index in range where bytes[index] == separator {
            if start < index { body(start..<index) }
            start = index + 1
        }
        if start < range.upperBound { body(start..<range.upperBound) }
    }

    /// The text between the segment's first "{" and the next "}" (or the segment's end).
    private static func parameterName(in segment: Substring) -> Substring {
        segment.drop(while: { $0 != "{" }).dropFirst().prefix(while: { $0 != "}" })
    }

    /// Where `parameterName(in:)` is in an ASCII segment, found by bytes; `nil` outside ASCII,
    /// where a brace followed by a combining mark is another Character.
    private static func parameterNameRange(in bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>) -> Range<Int>? {
        guard bytes[segment].allSatisfy({ $0 < 0x80 }), let brace = bytes[segment].firstIndex(of: UInt8(ascii: "{")) else { return nil }
        let nameEnd = bytes[(brace + 1)..<segment.upperBound].firstIndex(of: UInt8(ascii: "}")) ?? segment.upperBound
        return (brace + 1)..<nameEnd
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
