import HTTPCore

/// A request as handlers see it: the HTTP message, the route's path parameters, and parsers for
/// the query string, cookies and form bodies.
public struct Request: Sendable {
    public var http: HTTPRequest
    /// Values captured by the route's `:name` segments, percent-decoded.
    public var parameters: Parameters
    /// The form fields once a middleware has read them (``readForm()``), so the handler does not
    /// parse a large body a second time.
    var readFormFields: FormFields?

    public init(http: HTTPRequest, parameters: Parameters = Parameters()) {
        self.http = http
        self.parameters = parameters
    }

    public var method: HTTPMethod { http.method }
    public var headers: HTTPHeaders { http.headers }
    public var body: [UInt8] { http.body }
    /// The path, percent-decoded (not for routing: the router matches encoded segments).
    public var path: String { PercentEncoding.decode(http.path) ?? http.path }

    /// The query string's fields, in order.
    public var query: FormFields {
        guard let q = http.query else { return FormFields() }
        return (try? URLEncodedForm.parse(q)) ?? FormFields()
    }

    /// Whether the client prefers JSON to HTML (an API client or `fetch` asking for JSON).
    public var prefersJSON: Bool {
        guard let accept = headers["Accept"] else { return false }
        guard let json = accept.range(of: "application/json") else { return false }
        guard let html = accept.range(of: "text/html") else { return true }
        return json.lowerBound < html.lowerBound
    }
}

/// Path parameters captured by a route, by name.
public struct Parameters: Sendable, Equatable {
    private var values: [(String, String)] = []

    public init() {}

    public subscript(name: String) -> String? {
        values.first { $0.0 == name }?.1
    }

    /// The parameter or a 404: a route only matched because the segment was there.
    public func require(_ name: String) throws -> String {
        guard let value = self[name] else { throw HTTPError(.notFound) }
        return value
    }

    mutating func append(_ name: String, _ value: String) { values.append((name, value)) }

    public static func == (a: Parameters, b: Parameters) -> Bool {
        a.values.elementsEqual(b.values) { $0 == $1 }
    }
}
