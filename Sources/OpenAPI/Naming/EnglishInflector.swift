/// Singular and plural of English nouns, as API resource names use them.
enum EnglishInflector {
    /// Words with the same singular and plural, or that are never counted.
    private static let uncountable: Set<String> = [
        "data", "metadata", "media", "information", "info", "feedback", "news", "sms", "series", "species", "software",
        "hardware", "firmware", "equipment", "analytics", "settings", "access", "billing", "inventory",
        "content", "history", "search", "progress", "usage", "health", "audio", "evidence", "staff", "mail", "traffic",
        "weather", "research", "knowledge", "advice", "money", "compliance", "storage", "configuration", "auth",
        "login", "logout", "me", "self", "current", "fax", "bulk", "batch", "performance", "insights", "payroll",
        "timeoff", "chat", "time", "off", "help", "literature", "food", "spacecraft", "aircraft", "fish", "sheep",
        "deer", "personnel", "clothing", "furniture", "luggage", "baggage", "software", "legal", "tracking", "pricing", "shipping", "invoicing", "messaging",
    ]

    private static let irregularPlurals: [String: String] = [
        "person": "people", "child": "children", "man": "men", "woman": "women", "mouse": "mice", "goose": "geese",
        "foot": "feet", "tooth": "teeth", "datum": "data", "criterion": "criteria", "index": "indexes",
        "matrix": "matrices", "vertex": "vertices", "analysis": "analyses", "basis": "bases", "crisis": "crises",
        "thesis": "theses", "leaf": "leaves", "life": "lives", "knife": "knives", "wife": "wives", "half": "halves",
        "quiz": "quizzes", "ox": "oxen", "cookie": "cookies", "movie": "movies", "schema": "schemas",
        "alias": "aliases", "bus": "buses", "status": "statuses", "address": "addresses", "campus": "campuses",
        "bonus": "bonuses", "virus": "viruses", "census": "censuses", "corpus": "corpora", "cache": "caches",
        "axis": "axes", "appendix": "appendices", "hero": "heroes", "potato": "potatoes", "echo": "echoes",
    ]

    private static let irregularSingulars: [String: String] = {
        var map: [String: String] = [:]
        for (singular, plural) in irregularPlurals { map[plural] = singular }
        // "bases" is more often the plural of "base" in APIs (knowledge bases, databases).
        map["bases"] = "base"
        map["databases"] = "database"
        map["responses"] = "response"
        map["licenses"] = "license"
        map["expenses"] = "expense"
        map["purchases"] = "purchase"
        map["releases"] = "release"
        map["cases"] = "case"
        map["courses"] = "course"
        map["phases"] = "phase"
        map["uses"] = "use"
        map["skus"] = "sku"
        map["menus"] = "menu"
        map["gurus"] = "guru"
        map["causes"] = "cause"
        map["houses"] = "house"
        map["warehouses"] = "warehouse"
        map["clauses"] = "clause"
        map["pauses"] = "pause"
        map["leases"] = "lease"
        map["verses"] = "verse"
        map["nurses"] = "nurse"
        map["horses"] = "horse"
        map["purposes"] = "purpose"
        map["promises"] = "promise"
        map["premises"] = "premise"
        map["enterprises"] = "enterprise"
        map["franchises"] = "franchise"
        return map
    }()

    /// What the word lists say about one lowercase word: the three tables merged, so that a
    /// word costs one hash lookup instead of three.
    private struct Entry: Sendable {
        var isUncountable = false
        /// The singular, when the word is an irregular plural.
        var irregularSingular: String?
        /// The plural, when the word is an irregular singular.
        var irregularPlural: String?
    }

    private static let entries: WordTable<Entry> = {
        var entries: [String: Entry] = [:]
        for word in uncountable { entries[word, default: Entry()].isUncountable = true }
        for (plural, singular) in irregularSingulars { entries[plural, default: Entry()].irregularSingular = singular }
        for (singular, plural) in irregularPlurals { entries[singular, default: Entry()].irregularPlural = plural }
        return WordTable(entries)
    }()

    /// Whether the lowercase word is never counted ("data", "feedback").
    static func isUncountable(_ lower: String) -> Bool {
        entries[lower]?.isUncountable == true
    }

    /// Whether the word is (probably) a plural.
    static func isPlural(_ word: String) -> Bool {
        // (An uncountable word has no singular either.)
        singularOfLowercase(LetterCase.lowercased(word)) != nil
    }

    /// The singular of a lowercase word ("categories" → "category", "people" → "person").
    static func singular(_ word: String) -> String {
        guard let result = singularOfLowercase(LetterCase.lowercased(word)) else { return word }
        return matchCase(result, like: word)
    }

    /// The singular of a lowercase word, lowercase; `nil` when the word is not a plural.
    private static func singularOfLowercase(_ lower: String) -> String? {
        singular(ofLowercase: lower, entry: entries[lower])
    }

    /// `singularOfLowercase` with the word's entry already looked up.
    private static func singular(ofLowercase lower: String, entry: Entry?) -> String? {
        if entry?.isUncountable == true { return nil }
        let ending = Ending(lower)
        if ending.characterCount < 3 { return nil }
        if let irregular = entry?.irregularSingular { return irregular }
        if entry?.irregularPlural != nil { return nil }
        // Every rule below is for a word ending in "s".
        guard ending.is("s") else { return nil }
        if ending.is("ies") && ending.characterCount > 4 {
            return ending.dropping(3) + "y"
        } else if ending.is("sses") || ending.is("xes") || ending.is("ches") || ending.is("shes") || ending.is("zzes") || ending.is("uses") {
            return ending.dropping(2)
        } else if ending.is("s") && !ending.is("ss") && !ending.is("us") && !ending.is("is") {
            return ending.dropping(1)
        }
        return nil
    }

    /// The plural of a word ("category" → "categories", "person" → "people", "data" → "data").
    static func plural(_ word: String) -> String {
        let lower = LetterCase.lowercased(word)
        let entry = entries[lower]
        if entry?.isUncountable == true || singular(ofLowercase: lower, entry: entry) != nil { return word }
        if let irregular = entry?.irregularPlural { return matchCase(irregular, like: word) }
        let ending = Ending(lower)
        let result: String
        if ending.is("y"), let beforeY = lower.dropLast().last, !"aeiou".contains(beforeY) {
            result = ending.dropping(1) + "ies"
        } else if ending.is("s") || ending.is("x") || ending.is("z") || ending.is("ch") || ending.is("sh") {
            result = lower + "es"
        } else {
            result = lower + "s"
        }
        return matchCase(result, like: word)
    }

    /// The end of a lowercase word, read by bytes when it is ASCII (as `hasSuffix` and
    /// `dropLast` would, without walking Characters) and by Characters otherwise.
    private struct Ending {
        let word: String
        let isASCII: Bool
        /// The word's length in bytes.
        let byteCount: Int
        /// The word's last four bytes (fewer for a shorter word), the last in the lowest byte:
        /// every suffix the rules ask about is compared with one mask.
        let lastBytes: UInt32

        init(_ word: String) {
            self.word = word
            (isASCII, byteCount, lastBytes) = LetterCase.withBytes(of: word) { bytes in
                (bytes.allSatisfy { $0 < 0x80 }, bytes.count, Self.packed(bytes.suffix(4)))
            }
        }

        /// The number of Characters (bytes, for ASCII).
        var characterCount: Int {
            isASCII ? byteCount : word.count
        }

        /// Whether the word ends with the ASCII suffix.
        func `is`(_ suffix: StaticString) -> Bool {
            let suffixBytes = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
            guard isASCII else { return word.hasSuffix(suffix.description) }
            guard suffixBytes.count <= 4 else {
                return LetterCase.withBytes(of: word) { $0.count >= suffixBytes.count && $0.suffix(suffixBytes.count).elementsEqual(suffixBytes) }
            }
            let mask: UInt32 = suffixBytes.count == 4 ? .max : (1 << (8 * UInt32(suffixBytes.count))) - 1
            return byteCount >= suffixBytes.count && lastBytes & mask == Self.packed(suffixBytes[...])
        }

        /// The word without its last `count` characters.
        func dropping(_ count: Int) -> String {
            guard isASCII else { return String(word.dropLast(count)) }
            return LetterCase.withBytes(of: word) { String(decoding: UnsafeBufferPointer(rebasing: $0.dropLast(count)), as: UTF8.self) }
        }

        /// Up to four bytes as one number, the last in the lowest byte.
        private static func packed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32 {
            bytes.reduce(0) { $0 << 8 | UInt32($1) }
        }
    }

    /// The result capitalised when the original starts with a capital.
    private static func matchCase(_ result: String, like original: String) -> String {
        LetterCase.startsWithCapital(original) ? LetterCase.capitalized(result) : result
    }
}
