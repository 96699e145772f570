@testable import OpenAPI
import Testing

/// Singular and plural as resource names need them.
@Suite struct EnglishInflectionTests {
    @Test(arguments: [
        ("categories", "category"), ("statuses", "status"), ("addresses", "address"), ("people", "person"),
        ("data", "data"), ("boxes", "box"), ("batches", "batch"), ("databases", "database"), ("analyses", "analysis"),
        ("children", "child"), ("responses", "response"), ("caches", "cache"), ("skus", "sku"), ("series", "series"),
        ("invoices", "invoice"), ("policies", "policy"), ("status", "status"), ("access", "access"), ("aliases", "alias"),
    ])
    func singularizes(_ plural: String, _ singular: String) {
        #expect(EnglishInflector.singular(plural) == singular)
    }

    @Test(arguments: [
        ("category", "categories"), ("status", "statuses"), ("address", "addresses"), ("person", "people"),
        ("data", "data"), ("key", "keys"), ("box", "boxes"), ("match", "matches"), ("invoices", "invoices"),
        ("Company", "Companies"),
    ])
    func pluralizes(_ singular: String, _ plural: String) {
        #expect(EnglishInflector.plural(singular) == plural)
    }

    @Test(arguments: [
        ("getHTTPResponse", ["get", "HTTP", "Response"]), ("user_id", ["user", "id"]), ("OAuth2Token", ["OAuth2", "Token"]),
        ("chat.postMessage", ["chat", "post", "Message"]), ("listVersionsv2", ["list", "Versions", "v2"]),
        ("kebab-case words", ["kebab", "case", "words"]),
    ])
    func splitsIdentifiersIntoWords(_ identifier: String, _ words: [String]) {
        #expect(WordSplitter.words(identifier) == words)
    }
}
