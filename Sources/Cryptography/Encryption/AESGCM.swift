import COpenSSL

/// AES-256-GCM (NIST SP 800-38D) through OpenSSL's EVP interface: the raw primitive.
///
/// Most callers want ``SealedBox``, which picks a random nonce and stores it with the key id.
public enum AESGCM {
    /// Nonce length: 96 bits, the size GCM is designed for (SP 800-38D §5.2.1.1).
    public static let nonceByteCount = 12
    /// Tag length: the full 128 bits.
    public static let tagByteCount = 16

    /// Encrypts `plaintext` and authenticates it with `associatedData`; returns the ciphertext
    /// (same length as the plaintext) and the 16-byte tag.
    ///
    /// A nonce must never repeat under one key: use a random one per message (``SealedBox`` does).
    public static func seal(
        _ plaintext: [UInt8], key: SymmetricKey, nonce: [UInt8], associatedData: [UInt8] = []
    ) throws(CryptographyError) -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard nonce.count == nonceByteCount else {
            throw .invalidNonceLength(expected: nonceByteCount, actual: nonce.count)
        }
        // EVP lengths are Int32.
        guard plaintext.count < Int(Int32.max), associatedData.count < Int(Int32.max) else { throw .inputTooLarge }
        guard let context = EVP_CIPHER_CTX_new() else { throw .openSSLFailure("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, key.bytes, nonce) == 1 else {
            throw .openSSLFailure("EVP_EncryptInit_ex")
        }
        var length: Int32 = 0
        if !associatedData.isEmpty {
            guard EVP_EncryptUpdate(context, nil, &length, associatedData, Int32(associatedData.count)) == 1 else {
                throw .openSSLFailure("EVP_EncryptUpdate (associated data)")
            }
        }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        if !plaintext.isEmpty {
            guard EVP_EncryptUpdate(context, &ciphertext, &length, plaintext, Int32(plaintext.count)) == 1 else {
                throw .openSSLFailure("EVP_EncryptUpdate")
            }
        }
        // GCM is a stream mode: Final writes nothing, but it must run to compute the tag.
        var spare = [UInt8](repeating: 0, count: 16)
        guard EVP_EncryptFinal_ex(context, &spare, &length) == 1 else { throw .openSSLFailure("EVP_EncryptFinal_ex") }
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), &tag) == 1 else {
            throw .openSSLFailure("EVP_CTRL_GCM_GET_TAG")
        }
        return (ciphertext, tag)
    }

    /// Decrypts and verifies; throws ``CryptographyError/authenticationFailed`` when the
    /// ciphertext, tag, associated data or key differ from sealing. The plaintext is returned
    /// only after the tag checked out.
    public static func open(
        _ ciphertext: [UInt8], tag: [UInt8], key: SymmetricKey, nonce: [UInt8], associatedData: [UInt8] = []
    ) throws(CryptographyError) -> [UInt8] {
        guard nonce.count == nonceByteCount else {
            throw .invalidNonceLength(expected: nonceByteCount, actual: nonce.count)
        }
        guard tag.count == tagByteCount else { throw .authenticationFailed }
        guard ciphertext.count < Int(Int32.max), associatedData.count < Int(Int32.max) else { throw .inputTooLarge }
        guard let context = EVP_CIPHER_CTX_new() else { throw .openSSLFailure("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, key.bytes, nonce) == 1 else {
            throw .openSSLFailure("EVP_DecryptInit_ex")
        }
        var length: Int32 = 0
        if !associatedData.isEmpty {
            guard EVP_DecryptUpdate(context, nil, &length, associatedData, Int32(associatedData.count)) == 1 else {
                throw .openSSLFailure("EVP_DecryptUpdate (associated data)")
            }
        }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count)
        if !ciphertext.isEmpty {
            guard EVP_DecryptUpdate(context, &plaintext, &length, ciphertext, Int32(ciphertext.count)) == 1 else {
                throw .openSSLFailure("EVP_DecryptUpdate")
            }
        }
        var expectedTag = tag
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tagByteCount), &expectedTag) == 1 else {
            throw .openSSLFailure("EVP_CTRL_GCM_SET_TAG")
        }
        var spare = [UInt8](repeating: 0, count: 16)
        guard EVP_DecryptFinal_ex(context, &spare, &length) == 1 else {
            // Do not hand back bytes that failed authentication.
            plaintext.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
            throw .authenticationFailed
        }
        return plaintext
    }
}
