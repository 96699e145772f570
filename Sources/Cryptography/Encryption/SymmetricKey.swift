/// A 256-bit AES key with its ``KeyID``.
///
/// Its description shows only the id, so a key never reaches a log by accident.
public struct SymmetricKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key length in bytes (AES-256).
    public static let byteCount = 32
    /// The raw key. Handle with care: never log or render it.
    public let bytes: [UInt8]
    /// The key's identity, stored beside each ciphertext.
    public let id: KeyID

    /// Wraps 32 key bytes; any other length throws.
    public init(bytes: [UInt8]) throws(CryptographyError) {
        guard bytes.count == Self.byteCount else {
            throw .invalidKeyLength(expected: Self.byteCount, actual: bytes.count)
        }
        self.bytes = bytes
        self.id = KeyID(deriving: bytes)
    }

    /// A new random key from the CSPRNG.
    public static func generate() throws(CryptographyError) -> SymmetricKey {
        try SymmetricKey(bytes: SecureRandom.bytes(count: byteCount))
    }

    /// "SymmetricKey(id: …)", never the key bytes.
    public var description: String { "SymmetricKey(id: \(id))" }
    /// Same as ``description``.
    public var debugDescription: String { description }
}
