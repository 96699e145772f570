/// Why a request was refused by ``HTTPParser``; every case maps to the status the server answers
/// with, and the server always closes the connection after it (the framing can no longer be trusted).
public struct HTTPParserError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong. The raw value is the short reason written to the log.
    public enum Kind: String, Sendable, CaseIterable {
        case malformedRequestLine = "malformed-request-line"
        case invalidMethod = "invalid-method"
        case invalidTarget = "invalid-target"
        case asteriskTargetWithoutOptions = "asterisk-target-without-options"
        case unsupportedVersion = "unsupported-version"
        case invalidHeaderName = "invalid-header-name"
        case whitespaceBeforeColon = "whitespace-before-colon"
        case obsoleteLineFolding = "obsolete-line-folding"
        case invalidHeaderValue = "invalid-header-value"
        case nulCharacter = "nul-character"
        case bareCarriageReturn = "bare-carriage-return"
        case bareLineFeed = "bare-line-feed"
        case missingHost = "missing-host"
        case multipleHost = "multiple-host"
        case contentLengthWithTransferEncoding = "content-length-with-transfer-encoding"
        case invalidContentLength = "invalid-content-length"
        case conflictingContentLength = "conflicting-content-length"
        case invalidTransferEncoding = "invalid-transfer-encoding"
        case unsupportedTransferEncoding = "unsupported-transfer-encoding"
        case transferEncodingInHTTP10 = "transfer-encoding-in-http-1.0"
        case invalidChunkSize = "invalid-chunk-size"
        case chunkSizeOverflow = "chunk-size-overflow"
        case invalidChunkExtension = "invalid-chunk-extension"
        case missingChunkTerminator = "missing-chunk-terminator"
        case headTooLarge = "head-too-large"
        case tooManyHeaders = "too-many-headers"
        case uriTooLong = "uri-too-long"
        case contentTooLarge = "content-too-large"
    }

    /// What was wrong.
    public let kind: Kind
    /// Where it was found: the byte offset from the start of the request message.
    public let offset: Int

    /// Makes an error of `kind` found `offset` bytes into the message.
    public init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// The status the server answers with (RFC 9112 §2.2, §3, §6; RFC 9110 §15.5, §15.6).
    public var status: HTTPStatus {
        switch kind {
        case .unsupportedVersion: .httpVersionNotSupported
        case .unsupportedTransferEncoding: .notImplemented
        case .headTooLarge, .tooManyHeaders: .requestHeaderFieldsTooLarge
        case .uriTooLong: .uriTooLong
        case .contentTooLarge: .contentTooLarge
        default: .badRequest
        }
    }

    public var description: String { "\(kind.rawValue) at byte \(offset) (\(status))" }
}
