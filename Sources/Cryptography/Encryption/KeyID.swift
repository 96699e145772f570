/// The 8-byte identity of a ``SymmetricKey``, stored in every sealed box so the right key is
/// found after rotation.
///
/// Derived from the key (the first 8 bytes of SHA-256 over a label and the key), so a key given
/// through the environment has the same id on every start without storing anything. Revealing
/// it reveals nothing useful about a random 256-bit key.
public struct KeyID: Hashable, Sendable, CustomStringConvertible {
    /// The id's length in bytes.
    public static let byteCount = 8
    /// The id's bytes.
    public let bytes: [UInt8]

    /// Wraps 8 bytes read from a sealed box; nil for another length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
    }

    /// The id of a key.
    init(deriving keyBytes: [UInt8]) {
        bytes = Array(SHA256.hash(Array("switchboard key id v1".utf8) + keyBytes).prefix(Self.byteCount))
    }

    /// 16 lowercase hex digits.
    public var description: String { Hex.encode(bytes) }
}
