/// The one self-describing format in which secrets are stored.
///
/// Layout (all lengths in bytes):
/// ```
/// version (1) = 0x01 | key id (8) | nonce (12) | ciphertext (n) | tag (16)
/// ```
/// AES-256-GCM with a fresh random 96-bit nonce per seal. The authenticated data is the 9-byte
/// header (version and key id) followed by the caller's associated data, so neither the header
/// nor the row identity the caller binds can be swapped without failing authentication.
/// With random nonces a key should seal fewer than 2^32 messages (SP 800-38D §8.3): far more
/// than a company's credentials, and rotation resets the count.
public enum SealedBox {
    /// The format version written by ``seal(_:key:associatedData:)``.
    public static let version: UInt8 = 1
    private static let headerByteCount = 1 + KeyID.byteCount
    /// The shortest valid box: header, nonce and tag around an empty ciphertext.
    public static let minimumByteCount = headerByteCount + AESGCM.nonceByteCount + AESGCM.tagByteCount

    /// Encrypts `plaintext` under `key`, binding `associatedData`.
    public static func seal(
        _ plaintext: [UInt8], key: SymmetricKey, associatedData: [UInt8]
    ) throws(CryptographyError) -> [UInt8] {
        let header = [version] + key.id.bytes
        let nonce = try SecureRandom.bytes(count: AESGCM.nonceByteCount)
        let sealed = try AESGCM.seal(plaintext, key: key, nonce: nonce, associatedData: header + associatedData)
        return header + nonce + sealed.ciphertext + sealed.tag
    }

    /// The id of the key a box was sealed with, read from its header.
    public static func keyID(of box: [UInt8]) throws(CryptographyError) -> KeyID {
        guard box.count >= minimumByteCount else {
            throw .malformedSealedBox("\(box.count) bytes is shorter than the \(minimumByteCount)-byte minimum")
        }
        guard box[0] == version else { throw .malformedSealedBox("unknown version \(box[0])") }
        guard let id = KeyID(bytes: Array(box[1..<headerByteCount])) else {
            throw .malformedSealedBox("bad key id")
        }
        return id
    }

    /// Decrypts a box with the key its header names, looked up by `key(for:)`.
    ///
    /// Throws ``CryptographyError/unknownKey(_:)`` when the lookup has no such key and
    /// ``CryptographyError/authenticationFailed`` when anything was altered or the associated
    /// data differs.
    public static func open(
        _ box: [UInt8], associatedData: [UInt8], key lookup: (KeyID) -> SymmetricKey?
    ) throws(CryptographyError) -> [UInt8] {
        let id = try keyID(of: box)
        guard let key = lookup(id) else { throw .unknownKey(id) }
        let nonceEnd = headerByteCount + AESGCM.nonceByteCount
        let tagStart = box.count - AESGCM.tagByteCount
        return try AESGCM.open(
            Array(box[nonceEnd..<tagStart]), tag: Array(box[tagStart...]), key: key,
            nonce: Array(box[headerByteCount..<nonceEnd]), associatedData: Array(box[0..<headerByteCount]) + associatedData)
    }
}
