import Cryptography

/// Seals and opens secrets for storage: AES-256-GCM under the key ring's current key, with the
/// owning row's identity as associated data (DESIGN.md "Data").
///
/// ```swift
/// let vault = SecretVault(keyRing: keyRing)
/// let sealed = try vault.seal("sk_live_…", for: .credential(companyID: company, id: credentialID))
/// // store sealed.ciphertext in secret_ciphertext and sealed.keyID in key_id
/// let token = try vault.openString(row.get("secret_ciphertext"), for: .credential(companyID: company, id: credentialID))
/// ```
public struct SecretVault: Sendable {
    /// The keys used to seal (current) and open (any).
    public let keyRing: KeyRing

    /// Creates a vault over a key ring.
    public init(keyRing: KeyRing) {
        self.keyRing = keyRing
    }

    /// Seals secret bytes for the row `identity`.
    public func seal(_ secret: [UInt8], for identity: SecretIdentity) throws(CryptographyError) -> SealedSecret {
        let key = keyRing.current
        let box = try SealedBox.seal(secret, key: key, associatedData: identity.associatedData)
        return SealedSecret(ciphertext: box, keyID: key.id.description)
    }

    /// Seals a secret string (UTF-8) for the row `identity`.
    public func seal(_ secret: String, for identity: SecretIdentity) throws(CryptographyError) -> SealedSecret {
        try seal(Array(secret.utf8), for: identity)
    }

    /// Opens a sealed secret of the row `identity` with whichever ring key sealed it.
    ///
    /// Throws ``CryptographyError/authenticationFailed`` when it was sealed for another row or
    /// altered, and ``CryptographyError/unknownKey(_:)`` when its key is not in the ring.
    public func open(_ ciphertext: [UInt8], for identity: SecretIdentity) throws(CryptographyError) -> [UInt8] {
        try SealedBox.open(ciphertext, associatedData: identity.associatedData, key: keyRing.key(for:))
    }

    /// Opens a sealed secret string; bytes that are not UTF-8 count as tampering.
    public func openString(_ ciphertext: [UInt8], for identity: SecretIdentity) throws(CryptographyError) -> String {
        guard let text = String(validating: try open(ciphertext, for: identity), as: UTF8.self) else {
            throw .authenticationFailed
        }
        return text
    }
}
