/// Singular and plural of English nouns, as API resource names use them.
enum EnglishInflector {
    /// Words with the same singular and plural, or that are never counted.
    static let uncountable: Set<String> = [
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

    /// Whether the word is (probably) a plural.
    static func isPlural(_ word: String) -> Bool {
        let lower = word.lowercased()
        if uncountable.contains(lower) { return false }
        return singular(lower) != lower
    }

    /// The singular of a lowercase word ("categories" → "category", "people" → "person").
    static func singular(_ word: String) -> String {
        let lower = word.lowercased()
        if uncountable.contains(lower) || lower.count < 3 { return word }
        if let irregular = irregularSingulars[lower] { return matchCase(irregular, like: word) }
        if irregularPlurals[lower] != nil { return word }
        let result: String
        if lower.hasSuffix("ies") && lower.count > 4 {
            result = String(lower.dropLast(3)) + "y"
        } else if lower.hasSuffix("sses") || lower.hasSuffix("xes") || lower.hasSuffix("ches") || lower.hasSuffix("shes")
            || lower.hasSuffix("zzes")
        {
            result = String(lower.dropLast(2))
        } else if lower.hasSuffix("uses") {
            result = String(lower.dropLast(2))
        } else if lower.hasSuffix("s") && !lower.hasSuffix("ss") && !lower.hasSuffix("us") && !lower.hasSuffix("is") {
            result = String(lower.dropLast())
        } else {
            return word
        }
        return matchCase(result, like: word)
    }

    /// The plural of a word ("category" → "categories", "person" → "people", "data" → "data").
    static func plural(_ word: String) -> String {
        let lower = word.lowercased()
        if uncountable.contains(lower) || isPlural(lower) { return word }
        if let irregular = irregularPlurals[lower] { return matchCase(irregular, like: word) }
        let result: String
        if lower.hasSuffix("y"), let beforeY = lower.dropLast().last, !"aeiou".contains(beforeY) {
            result = String(lower.dropLast()) + "ies"
        } else if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("z") || lower.hasSuffix("ch") || lower.hasSuffix("sh") {
            result = lower + "es"
        } else {
            result = lower + "s"
        }
        return matchCase(result, like: word)
    }

    private static func matchCase(_ result: String, like original: String) -> String {
        guard let first = original.first, first.isUppercase else { return result }
        return result.prefix(1).uppercased() + result.dropFirst()
    }
}
