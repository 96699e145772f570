/// English singular and plural of lower-case nouns, as resource names use them, and a light
/// stem so "invoicing" and "invoiced" meet "invoice".
enum WordForms {
    private static let irregularSingulars = [
        "people": "person", "children": "child", "men": "man", "women": "woman", "statuses": "status",
        "addresses": "address", "data": "data", "news": "news", "series": "series", "analyses": "analysis",
        "indices": "index", "indexes": "index", "businesses": "business", "classes": "class",
    ]
    private static let irregularPlurals: [String: String] = {
        var map: [String: String] = [:]
        for (plural, singular) in irregularSingulars where map[singular] == nil { map[singular] = plural }
        map["index"] = "indexes"
        return map
    }()
    /// Words ending in "s" that are not plurals.
    private static let keepS: Set<String> = [
        "status", "address", "business", "class", "process", "access", "news", "series", "analysis", "bus", "gas",
        "yes", "this", "its", "is", "was", "has", "does", "plus", "bonus", "campus", "canvas", "alias", "atlas",
    ]

    /// "invoices" → "invoice", "categories" → "category", "statuses" → "status".
    static func singular(_ word: String) -> String {
        if let irregular = irregularSingulars[word] { return irregular }
        if keepS.contains(word) || word.count < 4 { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes")
            || word.hasSuffix("zzes")
        {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }

    /// "invoice" → "invoices", "category" → "categories".
    static func plural(_ word: String) -> String {
        if let irregular = irregularPlurals[word] { return irregular }
        if singular(word) != word { return word }
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) {
            return String(word.dropLast()) + "ies"
        }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            return word + "es"
        }
        return word + "s"
    }

    /// The singular with a common verb ending taken off ("invoiced" → "invoic", "invoice" →
    /// "invoic"), so word families meet; only used to compare words, never shown.
    static func stem(_ word: String) -> String {
        var stem = singular(word)
        for suffix in ["ing", "ed", "e"] where stem.hasSuffix(suffix) && stem.count - suffix.count >= 3 {
            stem = String(stem.dropLast(suffix.count))
            break
        }
        return stem
    }
}
