import HTTPCore

/// `GET /orders/{id}` with a bearer check, answered inline on the event loop: the cheapest API
/// an action can call, so a benchmark sees Switchboard's own cost.
public struct MinimalOrdersAPI: HTTPResponder {
    public let token: String
    let order = HTTPResponse(
        status: .ok, contentType: "application/json",
        body: #"{"id":1,"customer":"Ada","items":[{"sku":"BOOK-1","quantity":2}],"status":"open","note":null}"#)
    let unauthorized = HTTPResponse(status: HTTPStatus(code: 401), contentType: "application/json", body: #"{"detail":"no"}"#)

    public init(token: String) { self.token = token }

    public func policy(for head: HTTPRequestHead) -> RequestPolicy { RequestPolicy(maxBodyBytes: 1 << 16, inline: true) }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        request.headers["Authorization"] == "Bearer " + token ? order : unauthorized
    }
}

/// The value below which `fraction` of `values` fall (nearest rank).
public func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}
