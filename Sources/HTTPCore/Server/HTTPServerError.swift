/// Why ``HTTPServer`` could not be made or started.
public enum HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration field is out of range.
    case invalidConfiguration(field: String, reason: String)
    /// The host is not an IPv4 or IPv6 address literal.
    case invalidHost(String)
    /// ``HTTPServer/start()`` was called twice.
    case alreadyStarted
    /// A system call failed (the port is taken, descriptors ran out, …).
    case system(SystemError)

    public var description: String {
        switch self {
        case .invalidConfiguration(let field, let reason): "invalid server configuration: \(field) \(reason)"
        case .invalidHost(let host): "invalid listen host \"\(host)\": expected an IPv4 or IPv6 address"
        case .alreadyStarted: "the server was already started"
        case .system(let error): "\(error)"
        }
    }
}
