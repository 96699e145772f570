#if canImport(Glibc)
import Glibc
#endif

/// A failed system call: which call, and the `errno` it left (SwiftNIO's `IOError` habit).
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name of the call that failed, such as `bind`.
    public let call: String
    /// The `errno` value the call set.
    public let errno: Int32

    /// Makes an error for `call` with the given `errno`.
    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
