import HTTPCore
import Testing
@testable import Web

@Suite struct MultipartTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    static func body(_ parts: [(String, String?, String)]) -> [UInt8] {
        var text = "preamble\r\n"
        for (name, filename, content) in parts {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
            if let filename { text += "; filename=\"\(filename)\"\r\nContent-Type: application/pdf" }
            text += "\r\n\r\n\(content)\r\n"
        }
        return Array((text + "--\(boundary)--\r\n").utf8)
    }

    func request(_ body: [UInt8], boundary: String = MultipartTests.boundary) -> Request {
        Request(http: HTTPRequest(method: .post, target: "/", headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body))
    }

    @Test func splitsFieldsAndFiles() throws {
        let parts = try request(Self.body([("title", nil, "Docs"), ("file", "api docs.pdf", "%PDF-1.4\r\nbinary--\r\n-x")])).multipart()
        #expect(parts.count == 2)
        #expect(parts[0] == MultipartPart(name: "title", filename: nil, contentType: nil, body: Array("Docs".utf8)))
        #expect(parts[1].filename == "api docs.pdf")
        #expect(parts[1].contentType == "application/pdf")
        #expect(parts[1].body == Array("%PDF-1.4\r\nbinary--\r\n-x".utf8))
    }

    @Test func formLeavesFilesOut() throws {
        let fields = try request(Self.body([("a", nil, "1"), ("f", "x.pdf", "zz")])).form()
        #expect(fields == FormFields([("a", "1")]))
    }

    @Test func quotedBoundaryAndEscapedNames() throws {
        #expect(MultipartParser.boundary(fromContentType: "multipart/form-data; charset=utf-8; boundary=\"a b\"") == "a b")
        let params = MultipartParser.dispositionParameters(#"form-data; name="q\"x"; filename="a;b.txt""#)
        #expect(params.map(\.value) == ["q\"x", "a;b.txt"])
    }

    @Test(arguments: [
        "no boundary here",
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
        "--\(boundary)\r\nContent-Disposition: form-data\r\n\r\nx\r\n--\(boundary)--",
        "--\(boundary)\r\nNoColonHere\r\n\r\nx\r\n--\(boundary)--",
        "--\(boundary)garbage",
    ])
    func malformedBodiesAreBadRequests(body: String) {
        #expect(throws: HTTPError.self) { try request(Array(body.utf8)).multipart() }
    }

    @Test func missingBoundaryParameterIsABadRequest() {
        let request = Request(http: HTTPRequest(method: .post, target: "/", headers: ["Content-Type": "multipart/form-data"], body: []))
        #expect(throws: HTTPError(.badRequest, "The upload has no multipart boundary.")) { try request.multipart() }
    }
}
