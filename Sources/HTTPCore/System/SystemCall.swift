#if canImport(Glibc)
import Glibc
#endif

/// Runs a system call, retrying it while it fails with `EINTR`, and throws ``SystemError`` on `-1`.
///
/// Every syscall of the server goes through here or ``nonBlockingCall(_:_:)``, so an interrupted
/// call is never mistaken for a failure.
@inline(__always)
func systemCall<Result: FixedWidthInteger>(
    _ name: StaticString, _ body: () -> Result
) throws(SystemError) -> Result {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = errno
        if code == EINTR { continue }
        throw SystemError(call: "\(name)", errno: code)
    }
}

/// What a call on a non-blocking descriptor did: a count, or nothing because it would block.
enum NonBlockingResult: Equatable {
    case done(Int)
    case wouldBlock
}

/// Runs a call on a non-blocking descriptor: retries `EINTR`, reports `EAGAIN` as
/// ``NonBlockingResult/wouldBlock`` and throws ``SystemError`` for anything else.
@inline(__always)
func nonBlockingCall(_ name: StaticString, _ body: () -> Int) throws(SystemError) -> NonBlockingResult {
    while true {
        let result = body()
        if result >= 0 { return .done(result) }
        let code = errno
        if code == EINTR { continue }
        if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
        throw SystemError(call: "\(name)", errno: code)
    }
}
