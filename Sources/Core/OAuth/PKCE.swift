import Cryptography

/// Proof Key for Code Exchange (RFC 7636): a random code verifier kept by the server and the
/// S256 challenge sent in the authorization request.
enum PKCE {
    /// A new verifier: 32 random bytes, base64url without padding — 43 characters from the
    /// unreserved set, as RFC 7636 §4.1 recommends.
    static func makeVerifier() throws -> String {
        try SecureRandom.token(byteCount: 32)
    }

    /// `BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))` (RFC 7636 §4.2, method `S256`).
    static func challenge(for verifier: String) -> String {
        Base64URL.encode(SHA256.hash(verifier))
    }

    /// The `code_challenge_method` value that goes with ``challenge(for:)``.
    static let method = "S256"
}
