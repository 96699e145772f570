/// A sealed secret ready to store: the sealed box and its key id (hex) for the `key_id` column.
public struct SealedSecret: Sendable, Equatable {
    /// The self-describing sealed box (``SealedBox`` format).
    public let ciphertext: [UInt8]
    /// The sealing key's id as 16 hex digits, repeated in a column so rotation can find rows.
    public let keyID: String
}
