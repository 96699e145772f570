import HTTPCore
import OpenAPI

/// Fetches schema documents over HTTP(S) through the egress-guarded client: the schema being
/// imported from a URL and the files its relative `$ref`s point at.
///
/// At most 5 redirects (each checked by the egress policy), 10 MiB per document, and the
/// client's timeouts. Non-http(s) locations (a `file:` reference inside a fetched schema) are
/// refused, so a remote schema can never make the server read its own files.
///
/// ```swift
/// let loader = HTTPSchemaLoader(client: client)
/// let bytes = try loader.load("https://api.example.com/openapi.json")
/// let result = OpenAPIImporter().import(data: bytes, sourceURL: "https://api.example.com/openapi.json", loader: loader)
/// ```
public struct HTTPSchemaLoader: SchemaLoader {
    /// The largest document fetched.
    public static let maximumDocumentBytes = 10 << 20

    /// Sends the requests (``HTTPClient`` in production).
    public let client: any HTTPSending

    /// Creates a loader over a client.
    public init(client: any HTTPSending) {
        self.client = client
    }

    /// Fetches the document at an absolute http(s) URL; anything but a 2xx answer is an error.
    public func load(_ location: String) throws(SchemaLoadError) -> [UInt8] {
        let lowercased = location.lowercased()
        guard lowercased.hasPrefix("http://") || lowercased.hasPrefix("https://") else {
            throw SchemaLoadError("only http and https URLs can be fetched: \(location)")
        }
        let url: HTTPURL
        do { url = try HTTPURL(location) } catch { throw SchemaLoadError("\(error)") }
        var headers = HTTPHeaders()
        headers.add("Accept", "application/json, application/yaml, text/yaml, */*;q=0.5")
        let request = ClientRequest(
            method: .get, url: url, headers: headers, followRedirects: ClientRequest.redirectLimit,
            maxResponseBodyBytes: Self.maximumDocumentBytes)
        let response: ClientResponse
        do { response = try client.send(request) } catch {
            if case .responseTooLarge = error {
                throw SchemaLoadError("\(location) is larger than \(Self.maximumDocumentBytes >> 20) MiB")
            }
            throw SchemaLoadError("cannot fetch \(location): \(error)")
        }
        guard (200..<300).contains(response.status.code) else {
            throw SchemaLoadError("\(location) answered \(response.status)")
        }
        return response.body
    }
}
