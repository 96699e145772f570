import HTTPCore
import OpenAPI

/// Fetches a documentation page through the process's outbound client, so the egress policy,
/// timeouts and size cap apply, and reads it with a ``DocumentationReader``.
///
/// Blocks the calling thread (``HTTPSending`` does); call it from a worker thread.
///
/// ```swift
/// let fetcher = DocumentationFetcher(client: httpClient)
/// let piece = try fetcher.fetch("https://docs.example.com/api/orders")
/// ```
public struct DocumentationFetcher: Sendable {
    /// The outbound client.
    public let client: any HTTPSending
    /// Reads what was fetched.
    public var reader: DocumentationReader
    /// The largest response body read.
    public var maximumResponseBytes: Int

    /// Creates a fetcher.
    public init(client: any HTTPSending, reader: DocumentationReader = DocumentationReader(), maximumResponseBytes: Int = 10 << 20) {
        self.client = client
        self.reader = reader
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// The documentation at `url` (following up to five redirects).
    public func fetch(_ url: String) throws(SchemaBuilderError) -> DocumentationPiece {
        let response: ClientResponse
        do {
            let parsed = try HTTPURL(url.trimmingCharacters(in: .whitespaces))
            var request = ClientRequest(
                url: parsed, followRedirects: ClientRequest.redirectLimit, maxResponseBodyBytes: maximumResponseBytes)
            request.headers.add("Accept", "text/html, text/markdown, text/plain, application/pdf;q=0.9, */*;q=0.5")
            response = try client.send(request)
        } catch let error as HTTPClientError {
            if case .responseTooLarge(let limit) = error { throw .tooLarge(what: "page", limit: limit) }
            throw .fetchFailed(url: url, reason: error.description)
        } catch {
            throw .fetchFailed(url: url, reason: "\(error)")
        }
        guard (200..<300).contains(response.status.code) else { throw .unexpectedStatus(url: url, status: response.status.code) }
        return try reader.piece(from: response.body, contentType: response.headers["Content-Type"], source: response.url.description)
    }
}
