/// Turns a request into a response. The server's one entry into the application.
///
/// The server first asks for the route's ``RequestPolicy`` with only the head read, so limits
/// (body size) are known before the body arrives, then reads the body and calls
/// ``respond(to:)``: on an I/O thread when the policy says `inline`, otherwise on the bounded
/// worker pool, where blocking (a database write, an outbound call) is allowed.
/// `policy(for:)` always runs on the I/O thread, so it must be cheap and never block.
public protocol HTTPResponder: Sendable {
    func policy(for head: HTTPRequestHead) -> RequestPolicy
    func respond(to request: HTTPRequest) -> HTTPResponse
}

extension HTTPResponder {
    public func policy(for head: HTTPRequestHead) -> RequestPolicy { RequestPolicy() }
}

/// What the server needs to know of a request before its body: where it runs, how big it may be.
public struct RequestPolicy: Sendable, Equatable {
    /// The most body bytes accepted; a larger declared or streamed body is answered 413.
    public var maxBodyBytes: Int
    /// Run on the I/O thread: only for cheap, never-blocking handlers (static files, health).
    public var inline: Bool

    public init(maxBodyBytes: Int = 1 << 20, inline: Bool = false) {
        self.maxBodyBytes = maxBodyBytes
        self.inline = inline
    }
}

/// A request's head: what is known before the body is read.
public struct HTTPRequestHead: Sendable {
    public var method: HTTPMethod
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders

    public init(method: HTTPMethod, target: String, version: HTTPVersion, headers: HTTPHeaders) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    /// The path part of the target, still percent-encoded.
    public var path: Substring {
        if let q = target.firstIndex(of: "?") { return target[..<q] }
        return Substring(target)
    }
}
