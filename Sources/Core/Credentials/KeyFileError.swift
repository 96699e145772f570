/// Why the master key could not be read or stored. Messages say what to do; never the key.
public enum KeyFileError: Error, Equatable, CustomStringConvertible {
    /// The key file's mode lets group or others read it.
    case readableByOthers(path: String, mode: UInt32)
    /// The key file is missing a key or a line is not base64 of 32 bytes.
    case malformed(path: String, line: Int)
    /// The environment variable is not standard base64 of 32 bytes.
    case invalidEnvironmentKey(variable: String)
    /// The key file could not be read.
    case cannotRead(path: String, reason: String)
    /// The key file or its folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// A file meant to be new already exists.
    case alreadyExists

    /// A message an operator can act on.
    public var description: String {
        switch self {
        case .readableByOthers(let path, let mode):
            "refusing the master key file \(path): its mode \(String(mode, radix: 8)) lets other users read it; "
                + "if it may have leaked, rotate the key; then run `chmod 600 \(path)`"
        case .malformed(let path, let line):
            "master key file \(path), line \(line): expected the base64 of a 32-byte key"
        case .invalidEnvironmentKey(let variable):
            "\(variable) must be the standard base64 of 32 random bytes (e.g. `openssl rand -base64 32`)"
        case .cannotRead(let path, let reason):
            "cannot read the master key file \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        case .alreadyExists:
            "the file already exists"
        }
    }
}
