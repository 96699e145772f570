import OpenAPI
import Testing
import YAML

@testable import Core

@Suite struct MultipartFormBodyTests {
    @Test func writesOnePartPerFieldAndEndsWithTheClosingBoundary() {
        var file = Schema()
        file.types = [.string]
        file.format = "binary"
        var schema = Schema()
        schema.properties = [Schema.Property(name: "upload", schema: file)]
        let fields = OrderedObject([
            "title": .string("Q3"), "count": .int(2), "skipped": .null, "meta": .object(OrderedObject(["a": .int(1)])),
            "tags": .array([.string("x"), .string("y")]), "upload": .string("hello"), #"we"ird"#: .bool(true),
        ])
        let text = String(decoding: MultipartFormBody(boundary: "B").encode(fields, schema: schema), as: UTF8.self)
        #expect(text == """
            --B\r
            Content-Disposition: form-data; name="title"\r
            \r
            Q3\r
            --B\r
            Content-Disposition: form-data; name="count"\r
            \r
            2\r
            --B\r
            Content-Disposition: form-data; name="meta"\r
            Content-Type: application/json\r
            \r
            {"a":1}\r
            --B\r
            Content-Disposition: form-data; name="tags"\r
            \r
            x\r
            --B\r
            Content-Disposition: form-data; name="tags"\r
            \r
            y\r
            --B\r
            Content-Disposition: form-data; name="upload"; filename="upload"\r
            Content-Type: application/octet-stream\r
            \r
            hello\r
            --B\r
            Content-Disposition: form-data; name="we%22ird"\r
            \r
            true\r
            --B--\r

            """)
    }

    @Test func aRandomBoundaryIsAnnouncedInTheContentType() {
        let body = MultipartFormBody()
        #expect(body.contentType == "multipart/form-data; boundary=\(body.boundary)")
        #expect(body.boundary.count > 20)
        #expect(MultipartFormBody().boundary != body.boundary)
    }
}
