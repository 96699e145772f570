import Foundation
import HTTPCore
import Web

/// Calls an application in-process, as the server would, without a socket.
///
///     let client = TestClient(app)
///     let response = client.get("/healthz")
///     #expect(response.status == .ok)
public struct TestClient: Sendable {
    public let responder: any HTTPResponder

    public init(_ responder: any HTTPResponder) {
        self.responder = responder
    }

    /// Sends a request, honouring the route's body limit and dropping the body of HEAD answers
    /// as the server does, and returns the response with its body read into memory.
    public func send(
        _ method: HTTPMethod, _ target: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
        remoteAddress: String = "192.0.2.1"
    ) -> TestResponse {
        let head = HTTPRequestHead(method: method, target: target, version: .http11, headers: headers)
        let policy = responder.policy(for: head)
        guard body.count <= policy.maxBodyBytes else {
            return TestResponse(status: .contentTooLarge, headers: HTTPHeaders(), body: [])
        }
        let response = responder.respond(
            to: HTTPRequest(method: method, target: target, headers: headers, body: body, remoteAddress: remoteAddress))
        return TestResponse(response, dropBody: method == .head)
    }

    public func get(_ target: String, headers: HTTPHeaders = HTTPHeaders()) -> TestResponse {
        send(.get, target, headers: headers)
    }

    /// Posts an urlencoded form.
    public func post(_ target: String, form: [(String, String)], headers: HTTPHeaders = HTTPHeaders()) -> TestResponse {
        var headers = headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        let body = URLEncodedForm.encode(form)
        return send(.post, target, headers: headers, body: Array(body.utf8))
    }
}

/// A response with its body in memory, for assertions.
public struct TestResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    init(_ response: HTTPResponse, dropBody: Bool) {
        status = response.status
        headers = response.headers
        switch response.body {
        case .bytes(let bytes): body = dropBody ? [] : bytes
        case .file(let path, let offset, let length):
            body = dropBody ? [] : TestResponse.read(path: path, offset: offset, length: length)
        }
    }

    /// The body as UTF-8 text (empty when it is not text).
    public var text: String { String(decoding: body, as: UTF8.self) }

    private static func read(path: String, offset: Int, length: Int) -> [UInt8] {
        guard let file = fopen(path, "rb") else { return [] }
        defer { fclose(file) }
        fseek(file, offset, SEEK_SET)
        var bytes = [UInt8](repeating: 0, count: length)
        let n = fread(&bytes, 1, length, file)
        return Array(bytes.prefix(n))
    }
}
