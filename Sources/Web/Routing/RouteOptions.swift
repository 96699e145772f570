/// Per-route settings the server needs before it reads the body.
public struct RouteOptions: Sendable, Equatable {
    /// The largest body this route accepts (413 beyond). Forms are small; uploads raise it.
    public var maxBodyBytes: Int
    /// Run the handler on the I/O thread: only for cheap handlers that never block.
    public var inline: Bool

    public init(maxBodyBytes: Int = 1 << 20, inline: Bool = false) {
        self.maxBodyBytes = maxBodyBytes
        self.inline = inline
    }
}
