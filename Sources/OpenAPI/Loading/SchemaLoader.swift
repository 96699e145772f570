/// Fetches the documents of a schema: the one being imported and the other files its `$ref`s
/// point at.
///
/// The importer resolves every relative reference against the location of the document that
/// holds it (RFC 3986 §5.2, see `URIReference`) before asking, so a loader only ever sees
/// absolute locations: file paths or `file:`/`http(s):` URLs. Implementations decide what they
/// may reach: `FileSystemSchemaLoader` stays inside one folder; the server's loader goes through
/// the egress-guarded HTTP client.
public protocol SchemaLoader: Sendable {
    /// Blocks the calling thread: the HTTP client behind the server's loader is blocking by
    /// design (handlers run on worker threads), so importing is synchronous end to end.
    /// The bytes of the document at an absolute `location`.
    func load(_ location: String) throws(SchemaLoadError) -> [UInt8]
}

/// Why a referenced document could not be fetched.
public struct SchemaLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, for an admin.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The reason.
    public var description: String { message }
}
