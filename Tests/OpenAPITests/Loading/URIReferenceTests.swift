import OpenAPI
import Testing

/// RFC 3986 §5.4 reference resolution, and file paths used as bases.
@Suite struct URIReferenceTests {
    // RFC 3986 §5.4.1 and §5.4.2 examples against "http://a/b/c/d;p?q".
    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("..", "http://a/b/"), ("../g", "http://a/b/g"),
        ("../..", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("g.", "http://a/b/c/g."), ("./../g", "http://a/b/g"), ("g;x=1/../y", "http://a/b/c/y"), ("g:h", "g:h"),
    ])
    func resolvesTheRFCExamples(_ reference: String, _ expected: String) {
        #expect(URIReference.resolve(reference, against: "http://a/b/c/d;p?q") == expected)
    }

    @Test func resolvesAgainstFilePaths() {
        #expect(URIReference.resolve("../common/Error.yaml", against: "/specs/petstore/spec/swagger.yaml") == "/specs/petstore/common/Error.yaml")
        #expect(URIReference.resolve("Pet.yaml#/Pet", against: "/specs/swagger.yaml") == "/specs/Pet.yaml#/Pet")
    }

    @Test func decodesPercentEscapes() {
        #expect(URIReference.percentDecoded("a%20b%2Fc%zz") == "a b/c%zz")
    }
}
