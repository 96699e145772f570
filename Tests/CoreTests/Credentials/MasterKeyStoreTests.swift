import Core
import Cryptography
import Foundation
import Testing

@Suite final class MasterKeyStoreTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("master-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var keyFile: URL { folder.appendingPathComponent("data").appendingPathComponent(MasterKeyStore.keyFileName) }

    func store(environment: [String: String] = [:]) -> MasterKeyStore {
        MasterKeyStore(environment: environment, dataFolder: folder.appendingPathComponent("data"))
    }

    func mode(of url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test func createsTheKeyFileWithMode0600OnFirstRunAndReusesIt() throws {
        let first = try store().loadOrCreate()
        #expect(try mode(of: keyFile) == 0o600)
        let second = try store().loadOrCreate()
        #expect(first.current.id == second.current.id)
        #expect(first.current.bytes == second.current.bytes)
    }

    @Test(arguments: [0o644, 0o640, 0o604])
    func refusesAKeyFileOthersCanRead(permissions: Int) throws {
        _ = try store().loadOrCreate()
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: keyFile.path)
        let error = #expect(throws: KeyFileError.self) { try store().loadOrCreate() }
        #expect(error == .readableByOthers(path: keyFile.path, mode: UInt32(permissions)))
        #expect(error.map { "\($0)" }?.contains("chmod 600") == true)
    }

    @Test func prefersTheEnvironmentVariable() throws {
        let key = try SymmetricKey.generate()
        let ring = try store(environment: [MasterKeyStore.environmentVariable: MasterKeyStore.encode(key)]).loadOrCreate()
        #expect(ring.current.bytes == key.bytes)
        #expect(!FileManager.default.fileExists(atPath: keyFile.path))
    }

    @Test(arguments: ["not base64!", "c2hvcnQ=", String(repeating: "A", count: 64)])
    func refusesAnEnvironmentKeyThatIsNot32Bytes(value: String) {
        #expect(throws: KeyFileError.invalidEnvironmentKey(variable: MasterKeyStore.environmentVariable)) {
            try store(environment: [MasterKeyStore.environmentVariable: value]).loadOrCreate()
        }
    }

    @Test func refusesAMalformedKeyFile() throws {
        _ = try store().loadOrCreate()
        try Data("not a key\n".utf8).write(to: keyFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        #expect(throws: KeyFileError.malformed(path: keyFile.path, line: 1)) { try store().loadOrCreate() }
    }
}
