/// The sizes ``HTTPParser`` refuses to exceed, each answered with its own status.
public struct HTTPParserLimits: Sendable, Equatable {
    /// Bytes of the request line and header fields together, final empty line included
    /// (431, RFC 6585 §5); trailer fields of a chunked body count against it too.
    public var maxHeaderBytes: Int
    /// Header fields in one request (431).
    public var maxHeaderCount: Int
    /// Bytes of the request-target (414, RFC 9112 §3: servers should accept at least 8000).
    public var maxURIBytes: Int
    /// The body limit used until ``HTTPParser/limitBody(to:)`` sets the route's own (413).
    public var defaultMaxBodyBytes: Int
    /// Bytes of one chunk's extensions, which are read and ignored (400).
    public var maxChunkExtensionBytes: Int

    /// Makes limits; the defaults are those of ``HTTPServerConfiguration``.
    public init(
        maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100, maxURIBytes: Int = 8 * 1024,
        defaultMaxBodyBytes: Int = 1 << 20, maxChunkExtensionBytes: Int = 1024
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxURIBytes = maxURIBytes
        self.defaultMaxBodyBytes = defaultMaxBodyBytes
        self.maxChunkExtensionBytes = maxChunkExtensionBytes
    }
}
