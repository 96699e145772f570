import Core
import Cryptography
import Synchronization
import Foundation
import SQLite

/// A freshly migrated database in its own temporary folder, removed when this value goes away.
///
///     let temporary = try TemporaryDatabase()
///     let signUp = SignUp(database: temporary.database, hasher: .fastForTests)
public final class TemporaryDatabase: Sendable {
    public let folder: String
    public let database: Database

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        database = try ProductDatabase.open(path: folder + "/switchboard.sqlite", migrationsFolder: ProjectPaths.migrations).database
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

/// Where the project's own folders are, found from this source file's location.
public enum ProjectPaths {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var migrations: String { root + "/Migrations" }
    public static var views: String { root + "/Views" }
    public static var publicFolder: String { root + "/Public" }
    /// `../shared` beside the project, where the corpus lives when present.
    public static var shared: String { root + "/../shared" }
}

extension PasswordHasher {
    /// argon2id with the smallest cost, so tests that sign people in stay fast.
    public static let fastForTests = PasswordHasher(configuration: .init(memoryKiB: 256, iterations: 1, parallelism: 1))
}

/// A clock tests move by hand.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = Mutex(start) }

    public var clock: WallClock { WallClock { self.current.withLock { $0 } } }
    public func advance(by seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
