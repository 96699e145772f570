import HTTPCore

/// Per-request state a handler sees, made fresh for each request and passed by value.
///
/// Applications define their own typed context (session, user, company, role, …) by conforming
/// to this protocol; `Web` itself only needs the request id and the route's parameters.
public protocol RequestContext: Sendable {
    init(requestID: String)
    var requestID: String { get }
}

/// The smallest context: the request id and nothing else (benchmarks, library tests).
public struct BasicRequestContext: RequestContext {
    public let requestID: String
    public init(requestID: String) { self.requestID = requestID }
}
