import Glibc

/// Runs the client's system calls: retries `EINTR`, turns failures into text naming the call.
enum ClientSystemCall {
    /// An `errno` failure of a named call.
    struct Failure: Error {
        let call: String
        let code: Int32

        var message: String { "\(call): \(String(cString: strerror(code)))" }
    }

    /// Calls `body` until it does not fail with `EINTR`; a negative result throws with `errno`.
    @discardableResult
    static func retrying<Result: BinaryInteger>(_ call: String, _ body: () -> Result) throws(Failure) -> Result {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = errno
            if code == EINTR { continue }
            throw Failure(call: call, code: code)
        }
    }

    /// Waits until `fd` is ready for `events` (`POLLIN`/`POLLOUT`) or `milliseconds` pass;
    /// true when ready (or in error, which the next call on it reports), false on time out.
    static func poll(_ fd: Int32, events: Int16, milliseconds: Int32) throws(Failure) -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        let ready = try retrying("poll") { Glibc.poll(&entry, 1, milliseconds) }
        return ready > 0
    }
}
