import COpenSSL

/// Cryptographically secure random bytes and tokens from OpenSSL's CSPRNG (`RAND_bytes`).
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(count: Int) throws(CryptographyError) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let result = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard result == 1 else { throw .randomUnavailable }
        return bytes
    }

    /// A random token of `byteCount` bytes (default 256 bits), base64url-encoded without padding:
    /// safe in URLs, cookies and form fields (session ids, invitation links, OAuth state).
    public static func token(byteCount: Int = 32) throws(CryptographyError) -> String {
        Base64URL.encode(try bytes(count: byteCount))
    }
}
