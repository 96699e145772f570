import Synchronization
import Testing

@testable import HTTPCore

@Suite struct ClientConnectionPoolTests {
    final class FakeConnection: ClientPoolable {
        let key: ClientPoolKey
        let name: String
        private let state = Mutex((closed: false, stale: false))

        init(_ name: String, url: String = "http://api.example.com/") throws {
            self.name = name
            key = ClientPoolKey(try HTTPURL(url))
        }

        var isStale: Bool { state.withLock { $0.stale } }
        var isClosed: Bool { state.withLock { $0.closed } }
        func markStale() { state.withLock { $0.stale = true } }
        func close() { state.withLock { $0.closed = true } }
    }

    private let start = MonotonicTime(nanoseconds: 1_000_000_000)

    @Test func handsOutMostRecentlyReturnedConnectionFirst() throws {
        let pool = ClientConnectionPool<FakeConnection>(maxIdlePerKey: 4, idleTimeout: .seconds(30))
        let first = try FakeConnection("first"), second = try FakeConnection("second")
        pool.checkIn(first, now: start)
        pool.checkIn(second, now: start + .seconds(1))
        #expect(pool.checkOut(first.key, now: start + .seconds(2))?.name == "second")
        #expect(pool.checkOut(first.key, now: start + .seconds(2))?.name == "first")
        #expect(pool.checkOut(first.key, now: start + .seconds(2)) == nil)
    }

    @Test func keepsConnectionsApartByOrigin() throws {
        let pool = ClientConnectionPool<FakeConnection>(maxIdlePerKey: 4, idleTimeout: .seconds(30))
        let plain = try FakeConnection("plain", url: "http://api.example.com/")
        pool.checkIn(plain, now: start)
        #expect(pool.checkOut(ClientPoolKey(try HTTPURL("https://api.example.com/")), now: start) == nil)
        #expect(pool.checkOut(ClientPoolKey(try HTTPURL("http://api.example.com:8080/")), now: start) == nil)
        // A connection through the proxy and a direct one to the same origin are not interchangeable.
        #expect(pool.checkOut(ClientPoolKey(try HTTPURL("http://api.example.com/"), proxied: true), now: start) == nil)
        #expect(pool.checkOut(plain.key, now: start) === plain)
    }

    @Test func closesConnectionsIdleLongerThanTheTimeout() throws {
        let pool = ClientConnectionPool<FakeConnection>(maxIdlePerKey: 4, idleTimeout: .seconds(30))
        let old = try FakeConnection("old")
        pool.checkIn(old, now: start)
        #expect(pool.checkOut(old.key, now: start + .seconds(30)) == nil)
        #expect(old.isClosed)
    }

    @Test func closesOldestConnectionBeyondTheCap() throws {
        let pool = ClientConnectionPool<FakeConnection>(maxIdlePerKey: 2, idleTimeout: .seconds(30))
        let connections = try (0..<3).map { try FakeConnection("c\($0)") }
        for (index, connection) in connections.enumerated() { pool.checkIn(connection, now: start + .seconds(index)) }
        #expect(connections[0].isClosed)
        #expect(!connections[1].isClosed && !connections[2].isClosed)
        #expect(pool.idleCount(for: connections[0].key) == 2)
    }

    @Test func skipsAndClosesStaleConnections() throws {
        let pool = ClientConnectionPool<FakeConnection>(maxIdlePerKey: 4, idleTimeout: .seconds(30))
        let good = try FakeConnection("good"), stale = try FakeConnection("stale")
        pool.checkIn(good, now: start)
        pool.checkIn(stale, now: start)
        stale.markStale()
        #expect(pool.checkOut(good.key, now: start)?.name == "good")
        #expect(stale.isClosed)
    }

    @Test func closesEverythingOnCloseAll() throws {
        let pool = ClientConnectionPool<FakeConnection>(maxIdlePerKey: 4, idleTimeout: .seconds(30))
        let one = try FakeConnection("one"), two = try FakeConnection("two", url: "https://other.example/")
        pool.checkIn(one, now: start)
        pool.checkIn(two, now: start)
        pool.closeAll()
        #expect(one.isClosed && two.isClosed)
        #expect(pool.checkOut(one.key, now: start) == nil)
    }
}
