import COpenSSL

/// HMAC-SHA256 (RFC 2104, test vectors RFC 4231) through OpenSSL.
public enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key` (any key length; keys longer
    /// than the 64-byte block are hashed first, as RFC 2104 §2 says).
    public static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        var code = [UInt8](repeating: 0, count: SHA256.byteCount)
        var length: UInt32 = 0
        // HMAC() treats a NULL key as "reuse the previous key", so an empty key still needs an
        // address: one spare byte, of which zero are used.
        let keyStorage = key.isEmpty ? [0] : key
        keyStorage.withUnsafeBufferPointer { keyBytes in
            message.withUnsafeBufferPointer { messageBytes in
                code.withUnsafeMutableBufferPointer { output in
                    _ = HMAC(
                        EVP_sha256(), keyBytes.baseAddress, Int32(key.count),
                        messageBytes.baseAddress, messageBytes.count, output.baseAddress, &length)
                }
            }
        }
        return code
    }

    /// Checks a code in constant time.
    public static func isValid(_ code: [UInt8], for message: [UInt8], key: [UInt8]) -> Bool {
        ConstantTime.equals(code, authenticationCode(for: message, key: key))
    }
}
