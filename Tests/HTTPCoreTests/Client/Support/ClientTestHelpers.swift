import Testing

@testable import HTTPCore

/// Runs `body` against a ``ClientTestServer`` answering with `handler`, stopping it afterwards.
func withClientTestServer<Result>(
    _ handler: @escaping @Sendable (ClientTestConnection) -> Void, _ body: (ClientTestServer) throws -> Result
) throws -> Result {
    let server = try ClientTestServer(handler: handler)
    defer { server.stop() }
    return try body(server)
}

/// A client allowed to reach 127.0.0.1 (and whatever `allow` adds), adjusted by `configure`.
func makeLoopbackClient(
    allow: String = "127.0.0.1", _ configure: (inout HTTPClientConfiguration) -> Void = { _ in }
) throws -> HTTPClient {
    var configuration = HTTPClientConfiguration(
        connectTimeout: .seconds(5), readTimeout: .seconds(5), exchangeTimeout: .seconds(20),
        egressPolicy: try EgressPolicy(allowList: allow))
    configure(&configuration)
    return try HTTPClient(configuration: configuration)
}

/// The error `body` throws, or nil (recorded as an issue) when it returns.
func clientError<Value>(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(HTTPClientError) -> Value
) -> HTTPClientError? {
    do {
        _ = try body()
        Issue.record("expected an HTTPClientError, got a result", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// The error sending `request` through `client` fails with, or nil (recorded as an issue).
func sendError(_ client: HTTPClient, _ request: ClientRequest, sourceLocation: SourceLocation = #_sourceLocation) -> HTTPClientError? {
    clientError(sourceLocation: sourceLocation) { () throws(HTTPClientError) in try client.send(request) }
}
