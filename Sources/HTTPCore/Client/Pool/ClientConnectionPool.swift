import Synchronization

/// Idle keep-alive connections by scheme, host and port, at most `maxIdlePerKey` each, none
/// older than `idleTimeout`.
///
/// The most recently used connection is handed out first (its server is least likely to have
/// closed it). Connections are closed outside the lock. The current time is passed in, so
/// expiry is tested with a fake clock.
final class ClientConnectionPool<Connection: ClientPoolable>: Sendable {
    private struct Entry {
        let connection: Connection
        let idleSince: MonotonicTime
    }

    private let maxIdlePerKey: Int
    private let idleTimeout: Duration
    /// Guards the idle lists.
    private let idle = Mutex<[ClientPoolKey: [Entry]]>([:])

    init(maxIdlePerKey: Int, idleTimeout: Duration) {
        self.maxIdlePerKey = maxIdlePerKey
        self.idleTimeout = idleTimeout
    }

    deinit { closeAll() }

    /// An idle connection for `key` that has not expired and is not stale, or nil.
    func checkOut(_ key: ClientPoolKey, now: MonotonicTime) -> Connection? {
        while true {
            var expired: [Connection] = []
            let candidate: Connection? = idle.withLock { lists in
                guard var list = lists[key] else { return nil }
                expired = removeExpired(from: &list, now: now)
                let last = list.popLast()
                lists[key] = list.isEmpty ? nil : list
                return last?.connection
            }
            for connection in expired { connection.close() }
            guard let candidate else { return nil }
            if !candidate.isStale { return candidate }
            candidate.close()
        }
    }

    /// Returns a connection after a complete exchange; closes it (or the oldest) past the cap.
    func checkIn(_ connection: Connection, now: MonotonicTime) {
        var toClose: [Connection] = []
        idle.withLock { lists in
            for (key, var list) in lists {
                toClose += removeExpired(from: &list, now: now)
                lists[key] = list.isEmpty ? nil : list
            }
            var list = lists[connection.key] ?? []
            list.append(Entry(connection: connection, idleSince: now))
            while list.count > maxIdlePerKey { toClose.append(list.removeFirst().connection) }
            lists[connection.key] = list.isEmpty ? nil : list
        }
        for connection in toClose { connection.close() }
    }

    /// How many idle connections are kept for `key`.
    func idleCount(for key: ClientPoolKey) -> Int {
        idle.withLock { $0[key]?.count ?? 0 }
    }

    /// Closes every idle connection.
    func closeAll() {
        let all = idle.withLock { lists in
            defer { lists = [:] }
            return lists.values.flatMap { $0.map(\.connection) }
        }
        for connection in all { connection.close() }
    }

    private func removeExpired(from list: inout [Entry], now: MonotonicTime) -> [Connection] {
        let limit = idleTimeout.totalNanoseconds
        let expired = list.filter { now.nanoseconds - $0.idleSince.nanoseconds >= limit }
        list.removeAll { now.nanoseconds - $0.idleSince.nanoseconds >= limit }
        return expired.map(\.connection)
    }
}

/// What the pool needs of a connection; ``ClientConnection`` in use, a fake in tests.
protocol ClientPoolable: AnyObject, Sendable {
    var key: ClientPoolKey { get }
    var isStale: Bool { get }
    func close()
}

extension ClientConnection: ClientPoolable {}
