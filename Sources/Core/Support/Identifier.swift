import Cryptography

/// Row ids: 128 random bits in base64url (22 characters), as the schema's conventions say.
public enum Identifier {
    public static func make() throws -> String {
        try SecureRandom.token(byteCount: 16)
    }
}
