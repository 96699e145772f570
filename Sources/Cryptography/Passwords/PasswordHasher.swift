import CArgon2

/// Password hashing with argon2id (RFC 9106) through libargon2, in the PHC encoded-string
/// format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), which carries its own salt and parameters.
///
/// ```swift
/// let hasher = PasswordHasher()
/// let stored = try hasher.hash("correct horse battery staple")
/// if try hasher.verify("correct horse battery staple", against: stored) {
///     if hasher.needsRehash(stored) { /* hash again with the current parameters and save */ }
/// }
/// ```
public struct PasswordHasher: Sendable {
    /// The parameters new hashes are made with.
    public let configuration: Configuration

    /// Creates a hasher; the default configuration targets about 100 ms per hash here.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Hashes a password with a fresh random salt; returns the encoded string to store.
    public func hash(_ password: String) throws(CryptographyError) -> String {
        let salt = try SecureRandom.bytes(count: configuration.saltByteCount)
        let passwordBytes = Array(password.utf8)
        let encodedLength = argon2_encodedlen(
            configuration.iterations, configuration.memoryKiB, configuration.parallelism,
            UInt32(salt.count), UInt32(configuration.hashByteCount), Argon2_id)
        var encoded = [CChar](repeating: 0, count: encodedLength)
        let result = argon2id_hash_encoded(
            configuration.iterations, configuration.memoryKiB, configuration.parallelism,
            passwordBytes, passwordBytes.count, salt, salt.count, configuration.hashByteCount,
            &encoded, encoded.count)
        guard result == ARGON2_OK.rawValue else { throw .argon2Failure(String(cString: argon2_error_message(result))) }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `password` matches the stored hash (compared in constant time by libargon2),
    /// false when it does not. Throws ``CryptographyError/malformedPasswordHash`` when `encoded`
    /// is not an argon2id string, so a corrupted row is noticed rather than read as "wrong password".
    public func verify(_ password: String, against encoded: String) throws(CryptographyError) -> Bool {
        guard EncodedParameters(encoded) != nil else { throw .malformedPasswordHash }
        let passwordBytes = Array(password.utf8)
        let result = argon2id_verify(encoded, passwordBytes, passwordBytes.count)
        switch result {
        case ARGON2_OK.rawValue: return true
        case ARGON2_VERIFY_MISMATCH.rawValue: return false
        case ARGON2_DECODING_FAIL.rawValue, ARGON2_INCORRECT_TYPE.rawValue: throw .malformedPasswordHash
        default: throw .argon2Failure(String(cString: argon2_error_message(result)))
        }
    }

    /// True when a stored hash was made with other parameters (or another argon2 version) than
    /// the current configuration, so it should be recomputed at the next successful sign-in.
    /// A malformed string needs rehashing too.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let parameters = EncodedParameters(encoded) else { return true }
        return parameters.version != UInt32(ARGON2_VERSION_NUMBER.rawValue)
            || parameters.memoryKiB != configuration.memoryKiB
            || parameters.iterations != configuration.iterations
            || parameters.parallelism != configuration.parallelism
            || parameters.hashByteCount != configuration.hashByteCount
    }
}

extension PasswordHasher {
    /// The raw argon2id tag (RFC 9106 §3.2) with the optional secret and associated data that the
    /// encoded-string API cannot take. For key derivation and the RFC 9106 §5.3 test vector;
    /// passwords use ``hash(_:)``.
    public static func rawArgon2id(
        password: [UInt8], salt: [UInt8], secret: [UInt8] = [], associatedData: [UInt8] = [],
        memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32, tagByteCount: Int
    ) throws(CryptographyError) -> [UInt8] {
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        var password = password
        var salt = salt
        var secret = secret
        var associatedData = associatedData
        let result = tag.withUnsafeMutableBufferPointer { tagBytes in
            password.withUnsafeMutableBufferPointer { passwordBytes in
                salt.withUnsafeMutableBufferPointer { saltBytes in
                    secret.withUnsafeMutableBufferPointer { secretBytes in
                        associatedData.withUnsafeMutableBufferPointer { adBytes in
                            var context = argon2_context(
                                out: tagBytes.baseAddress, outlen: UInt32(tagBytes.count),
                                pwd: passwordBytes.baseAddress, pwdlen: UInt32(passwordBytes.count),
                                salt: saltBytes.baseAddress, saltlen: UInt32(saltBytes.count),
                                secret: secretBytes.baseAddress, secretlen: UInt32(secretBytes.count),
                                ad: adBytes.baseAddress, adlen: UInt32(adBytes.count),
                                t_cost: iterations, m_cost: memoryKiB, lanes: parallelism, threads: parallelism,
                                version: UInt32(ARGON2_VERSION_13.rawValue),
                                allocate_cbk: nil, free_cbk: nil, flags: 0)  // ARGON2_DEFAULT_FLAGS, a macro Swift cannot import
                            return argon2_ctx(&context, Argon2_id)
                        }
                    }
                }
            }
        }
        guard result == ARGON2_OK.rawValue else { throw .argon2Failure(String(cString: argon2_error_message(result))) }
        return tag
    }
}
