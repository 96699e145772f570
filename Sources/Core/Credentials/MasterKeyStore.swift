import Cryptography
import Foundation

/// Where the master key lives, and how it is read, created and replaced.
///
/// `SWITCHBOARD_MASTER_KEY` (standard base64 of 32 bytes) wins when set. Otherwise the key file
/// `master.key` in the data folder holds it; the first run creates the file with mode 0600, and
/// a key file that group or others may read is refused. The file holds one base64 key per line:
/// the first seals, the others can still open (they are there only while a rotation runs or
/// after one was interrupted, and the next rotation removes them).
///
/// ```swift
/// let store = MasterKeyStore(environment: ProcessInfo.processInfo.environment, dataFolder: dataURL)
/// let keyRing = try store.loadOrCreate()
/// ```
public struct MasterKeyStore: Sendable {
    /// The environment variable that carries the key.
    public static let environmentVariable = "SWITCHBOARD_MASTER_KEY"
    /// The key file's name inside the data folder.
    public static let keyFileName = "master.key"

    /// Where the key comes from.
    public enum Source: Sendable, Equatable {
        /// The environment variable's value.
        case environment(String)
        /// The key file at this path.
        case keyFile(URL)
    }

    /// The source this store reads.
    public let source: Source

    /// Chooses the environment variable when it is set (and not empty), else the key file in `dataFolder`.
    public init(environment: [String: String], dataFolder: URL) {
        if let value = environment[Self.environmentVariable], !value.isEmpty {
            source = .environment(value)
        } else {
            source = .keyFile(dataFolder.appendingPathComponent(Self.keyFileName))
        }
    }

    /// Reads the key ring, creating the key file with a new random key on first run.
    public func loadOrCreate() throws -> KeyRing {
        switch source {
        case .environment(let value):
            return KeyRing(current: try Self.decodeKey(value, origin: Self.environmentVariable))
        case .keyFile(let url):
            if !FileManager.default.fileExists(atPath: url.path) {
                try createKeyFile(at: url)
            }
            return try readKeyFile(at: url)
        }
    }

    /// Replaces the key file's content atomically with `keys` (the first seals): written to a
    /// temporary file with mode 0600, synced, then renamed over the old one, so a crash leaves
    /// either the old file or the new one, never half of one. Nothing to do for the environment.
    func writeKeyFile(_ keys: [SymmetricKey]) throws {
        guard case .keyFile(let url) = source else { return }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(Self.keyFileName).\(UInt32.random(in: 0...UInt32.max)).tmp")
        try Self.writeExclusive(Self.encode(keys), to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let error = KeyFileError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
            unlink(temporary.path)
            throw error
        }
        Self.syncFolder(of: url)
    }

    private func createKeyFile(at url: URL) throws {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw KeyFileError.cannotWrite(path: folder.path, reason: error.localizedDescription)
        }
        do {
            try Self.writeExclusive(Self.encode([try SymmetricKey.generate()]), to: url)
        } catch KeyFileError.alreadyExists {
            // Another process created it first: use theirs.
            return
        }
        Self.syncFolder(of: url)
    }

    private func readKeyFile(at url: URL) throws -> KeyRing {
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            throw KeyFileError.cannotRead(path: url.path, reason: String(cString: strerror(errno)))
        }
        // Refuse, rather than fix, a key that others could already have read: it may have leaked.
        guard status.st_mode & 0o077 == 0 else {
            throw KeyFileError.readableByOthers(path: url.path, mode: UInt32(status.st_mode & 0o777))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw KeyFileError.cannotRead(path: url.path, reason: "unreadable")
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var keys: [SymmetricKey] = []
        for (index, line) in lines.enumerated() {
            guard let bytes = Data(base64Encoded: line), let key = try? SymmetricKey(bytes: [UInt8](bytes)) else {
                throw KeyFileError.malformed(path: url.path, line: index + 1)
            }
            keys.append(key)
        }
        guard let current = keys.first else { throw KeyFileError.malformed(path: url.path, line: 1) }
        return KeyRing(current: current, previous: Array(keys.dropFirst()))
    }

    /// Decodes a standard-base64 key of exactly 32 bytes.
    static func decodeKey(_ text: String, origin: String) throws -> SymmetricKey {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == SymmetricKey.byteCount,
            let key = try? SymmetricKey(bytes: [UInt8](data))
        else { throw KeyFileError.invalidEnvironmentKey(variable: origin) }
        return key
    }

    /// Standard base64 of a key, as the environment variable and the key file hold it.
    public static func encode(_ key: SymmetricKey) -> String {
        Data(key.bytes).base64EncodedString()
    }

    private static func encode(_ keys: [SymmetricKey]) -> [UInt8] {
        Array(keys.map { encode($0) + "\n" }.joined().utf8)
    }

    /// Creates `url` (failing if it exists) with mode 0600 from the start, writes and syncs it.
    private static func writeExclusive(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw KeyFileError.alreadyExists }
            throw KeyFileError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress.map { $0 + written }, bytes.count - written) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                let error = KeyFileError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
                unlink(url.path)
                throw error
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            throw KeyFileError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Syncs the folder so a new or renamed file survives a crash (best effort: some file
    /// systems refuse fsync on a folder, and the file itself is already synced).
    private static func syncFolder(of url: URL) {
        let descriptor = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
