import Foundation

/// A fixed set of connections lent to one caller at a time.
final class ConnectionPool: Sendable {
    /// Connections not lent out; `condition` guards every access.
    private nonisolated(unsafe) var idle: [Connection]
    private let condition = NSCondition()

    init(_ connections: [Connection]) {
        idle = connections
    }

    /// Lends a connection to `body`, waiting while every connection is busy.
    func withConnection<Result>(_ body: (Connection) throws -> Result) throws -> Result {
        condition.lock()
        while idle.isEmpty { condition.wait() }
        let connection = idle.removeLast()
        condition.unlock()
        defer {
            condition.lock()
            idle.append(connection)
            condition.signal()
            condition.unlock()
        }
        return try body(connection)
    }
}
