/// Something that sends an outbound request and returns the whole response: ``HTTPClient`` in
/// production, a recording fake in tests of code that calls APIs.
public protocol HTTPSending: Sendable {
    /// Sends the request and reads the whole response; blocks the calling thread.
    func send(_ request: ClientRequest) throws(HTTPClientError) -> ClientResponse
}

extension HTTPClient: HTTPSending {}
