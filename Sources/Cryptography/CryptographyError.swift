/// Why a cryptographic operation failed. Messages never contain key material or plaintext.
public enum CryptographyError: Error, Equatable, CustomStringConvertible {
    /// OpenSSL's random generator could not deliver bytes (it was not seeded).
    case randomUnavailable
    /// A key had the wrong length.
    case invalidKeyLength(expected: Int, actual: Int)
    /// A nonce had the wrong length.
    case invalidNonceLength(expected: Int, actual: Int)
    /// GCM authentication failed: the ciphertext, tag, associated data or key is not the one
    /// sealed with. Never distinguishes which, and never returns the unauthenticated plaintext.
    case authenticationFailed
    /// A sealed box is too short or carries an unknown format version.
    case malformedSealedBox(String)
    /// A sealed box names a key the key ring does not hold.
    case unknownKey(KeyID)
    /// Text is not valid base64url or hex; `position` is the offset of the first bad character.
    case invalidEncoding(String, position: Int)
    /// An OpenSSL call failed.
    case openSSLFailure(String)
    /// libargon2 refused the input or parameters (its own message).
    case argon2Failure(String)
    /// A stored password hash is not an argon2id encoded string.
    case malformedPasswordHash
    /// An input is longer than OpenSSL's `int` lengths allow (2 GiB).
    case inputTooLarge

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .randomUnavailable: "the system random generator is unavailable"
        case .invalidKeyLength(let expected, let actual): "key must be \(expected) bytes, got \(actual)"
        case .invalidNonceLength(let expected, let actual): "nonce must be \(expected) bytes, got \(actual)"
        case .authenticationFailed: "ciphertext failed authentication (tampered, wrong key or wrong associated data)"
        case .malformedSealedBox(let reason): "malformed sealed box: \(reason)"
        case .unknownKey(let id): "sealed with key \(id), which is not in the key ring"
        case .invalidEncoding(let kind, let position): "invalid \(kind) at character \(position)"
        case .openSSLFailure(let function): "OpenSSL call \(function) failed"
        case .argon2Failure(let message): "argon2: \(message)"
        case .malformedPasswordHash: "stored password hash is not an argon2id encoded string"
        case .inputTooLarge: "input longer than 2 GiB"
        }
    }
}
