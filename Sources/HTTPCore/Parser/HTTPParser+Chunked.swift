extension HTTPParser {
    /// Parses chunked framing (RFC 9112 §7.1): sizes in hex, extensions ignored, trailers dropped.
    ///
    /// Framing bytes are consumed as they come; chunk data is returned as a range of `bytes`.
    mutating func parseChunked(_ bytes: UnsafeRawBufferPointer) throws(HTTPParserError) -> (
        event: Event?, consumed: Int
    ) {
        var index = 0
        let available = bytes.count
        while index < available {
            let byte = bytes[index]
            let offset = messageOffset + index
            switch state {
            case .chunkSize(let value, let digits):
                if let digit = ASCII.hexValue(byte) {
                    // 15 hex digits stay below 2^60: no overflow when adding to the body count.
                    guard digits < 15 else { throw HTTPParserError(.chunkSizeOverflow, offset: offset) }
                    state = .chunkSize(value: value << 4 | digit, digits: digits + 1)
                } else if digits == 0 {
                    try Self.rejectControl(byte, at: offset)
                    throw HTTPParserError(.invalidChunkSize, offset: offset)
                } else if byte == ASCII.carriageReturn {
                    state = .chunkSizeLineFeed(size: value)
                } else if byte == ASCII.semicolon || ASCII.isWhitespace(byte) {
                    state = .chunkExtension(size: value, length: 1)
                } else {
                    if byte == ASCII.lineFeed { throw HTTPParserError(.bareLineFeed, offset: offset) }
                    throw HTTPParserError(.invalidChunkSize, offset: offset)
                }
            case .chunkExtension(let size, let length):
                if byte == ASCII.carriageReturn {
                    state = .chunkSizeLineFeed(size: size)
                } else {
                    try Self.rejectLineControl(byte, at: offset)
                    guard length < limits.maxChunkExtensionBytes else {
                        throw HTTPParserError(.invalidChunkExtension, offset: offset)
                    }
                    state = .chunkExtension(size: size, length: length + 1)
                }
            case .chunkSizeLineFeed(let size):
                guard byte == ASCII.lineFeed else { throw HTTPParserError(.bareCarriageReturn, offset: offset) }
                if size == 0 {
                    state = .trailerLineStart
                } else {
                    // Counted when announced, so an oversized chunk is refused before its data.
                    guard bodyBytes + size <= maxBodyBytes else {
                        throw HTTPParserError(.contentTooLarge, offset: offset)
                    }
                    bodyBytes += size
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let count = min(remaining, available - index)
                state = count == remaining ? .chunkDataCarriageReturn : .chunkData(remaining: remaining - count)
                messageOffset += index + count
                return (.body(index..<(index + count)), index + count)
            case .chunkDataCarriageReturn:
                guard byte == ASCII.carriageReturn else {
                    throw HTTPParserError(.missingChunkTerminator, offset: offset)
                }
                state = .chunkDataLineFeed
            case .chunkDataLineFeed:
                guard byte == ASCII.lineFeed else { throw HTTPParserError(.bareCarriageReturn, offset: offset) }
                state = .chunkSize(value: 0, digits: 0)
            case .trailerLineStart:
                if byte == ASCII.carriageReturn {
                    state = .finalLineFeed
                } else {
                    if ASCII.isWhitespace(byte) { throw HTTPParserError(.obsoleteLineFolding, offset: offset) }
                    try Self.rejectLineControl(byte, at: offset)
                    try countTrailerByte(at: offset)
                    state = .trailerLine
                }
            case .trailerLine:
                if byte == ASCII.carriageReturn {
                    state = .trailerLineFeed
                } else {
                    try Self.rejectLineControl(byte, at: offset)
                    try countTrailerByte(at: offset)
                }
            case .trailerLineFeed:
                guard byte == ASCII.lineFeed else { throw HTTPParserError(.bareCarriageReturn, offset: offset) }
                state = .trailerLineStart
            case .finalLineFeed:
                guard byte == ASCII.lineFeed else { throw HTTPParserError(.bareCarriageReturn, offset: offset) }
                resetForNextMessage()
                return (.end, index + 1)
            case .head, .fixedBody:
                return (nil, index)
            }
            index += 1
        }
        messageOffset += available
        return (nil, available)
    }

    /// Trailer fields count against the header byte limit (they are header-like data).
    private mutating func countTrailerByte(at offset: Int) throws(HTTPParserError) {
        trailerBytes += 1
        if trailerBytes > limits.maxHeaderBytes { throw HTTPParserError(.headTooLarge, offset: offset) }
    }

    /// Refuses a line feed, NUL or other control byte inside a framing line (tab is allowed).
    private static func rejectLineControl(_ byte: UInt8, at offset: Int) throws(HTTPParserError) {
        if byte == ASCII.lineFeed { throw HTTPParserError(.bareLineFeed, offset: offset) }
        try rejectControl(byte, at: offset)
        if byte < 0x20 && byte != ASCII.tab || byte == 0x7F {
            throw HTTPParserError(.invalidChunkExtension, offset: offset)
        }
    }
}
