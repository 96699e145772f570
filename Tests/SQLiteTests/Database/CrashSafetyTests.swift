import Foundation
import SQLite
import Synchronization
import Testing

/// A child process commits transactions through `Database` in a loop and reports each id after
/// its commit returned; the parent kills it with SIGKILL mid-stream and checks the file.
///
/// The child is this same test binary, re-run with a filter that selects only
/// ``childCommitsUntilKilled()``, which acts only when the environment names a database.
@Suite struct CrashSafetyTests {
    static let databaseVariable = "SWITCHBOARD_CRASH_CHILD_DATABASE"
    static let committedPrefix = "COMMITTED "

    @Test func childCommitsUntilKilled() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.databaseVariable] else { return }
        let database = try Database(path: path, readers: 1)
        try database.write { conn in
            try conn.execute("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, payload BLOB NOT NULL, note TEXT NOT NULL) STRICT")
        }
        let payload = [UInt8](repeating: 0xAB, count: 2_000)
        // Bounded: the parent kills it long before; if the parent vanished, it still ends.
        for id in 1...200_000 {
            try database.write { conn in
                try conn.execute("INSERT INTO events (id, payload, note) VALUES (?, ?, ?)", id, payload, "event \(id)")
                try conn.execute("UPDATE events SET note = ? WHERE id = ?", "updated \(id)", max(1, id - 1))
            }
            FileHandle.standardOutput.write(Data("\(Self.committedPrefix)\(id)\n".utf8))
        }
    }

    @Test(
        .timeLimit(.minutes(1)),
        .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/exe"), "re-runs the test binary through /proc/self/exe (Linux)"))
    func everyReportedCommitSurvivesSIGKILL() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("crash.sqlite")

        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = Self.childArguments()
        child.environment = ProcessInfo.processInfo.environment.merging([Self.databaseVariable: path]) { _, new in new }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice

        let received = Mutex<[UInt8]>([])
        let enoughCommits = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        try child.run()
        // Read on another thread so the wait below stays bounded.
        Thread.detachNewThread {
            var signalled = false
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                let count = received.withLock { bytes in
                    bytes.append(contentsOf: chunk)
                    return bytes.count
                }
                // About 300 commits in: the child is mid-stream, committing as fast as it can.
                if !signalled && count > 300 * (Self.committedPrefix.count + 4) {
                    signalled = true
                    enoughCommits.signal()
                }
            }
            if !signalled { enoughCommits.signal() }
            finished.signal()
        }
        let reachedCommits = enoughCommits.wait(timeout: .now() + 40) == .success
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(reachedCommits)
        #expect(child.terminationReason == .uncaughtSignal)

        let reported = Self.committedIDs(received.withLock { $0 })
        try #require(reported.count >= 100, "the child reported only \(reported.count) commits")

        let database = try Database(path: path, readers: 1)
        let integrity = try database.read { conn in try conn.query("PRAGMA integrity_check").map { try $0.get("integrity_check", as: String.self) } }
        #expect(integrity == ["ok"])
        let stored = Set(try database.read { conn in try conn.query("SELECT id FROM events").map { try $0.get("id", as: Int.self) } })
        let missing = reported.subtracting(stored)
        #expect(missing.isEmpty, "commits reported but not in the database: \(missing.sorted().prefix(10))")
    }

    /// Re-runs only the child test, with whichever testing-library flags this run was given.
    static func childArguments() -> [String] {
        var arguments: [String] = []
        let current = CommandLine.arguments.dropFirst()
        if let index = current.firstIndex(of: "--testing-library"), current.index(after: index) < current.endIndex {
            arguments += ["--testing-library", current[current.index(after: index)]]
        }
        return arguments + ["--filter", "CrashSafetyTests/childCommitsUntilKilled"]
    }

    /// Ids from complete `COMMITTED <id>` lines; a line cut by the kill is not counted.
    static func committedIDs(_ bytes: [UInt8]) -> Set<Int> {
        let text = String(decoding: bytes, as: UTF8.self)
        var ids = Set<Int>()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a partial line
        for line in lines where line.hasPrefix(committedPrefix) {
            if let id = Int(line.dropFirst(committedPrefix.count)) { ids.insert(id) }
        }
        return ids
    }
}
