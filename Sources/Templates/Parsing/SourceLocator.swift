/// Turns byte offsets in a template's source into line and column, for error messages.
struct SourceLocator {
    private let source: [UInt8]
    /// Offsets where each line starts; line 1 starts at 0.
    private let lineStarts: [Int]

    init(_ source: [UInt8]) {
        self.source = source
        var starts = [0]
        for (offset, byte) in source.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The 1-based line and character column of `offset`.
    func position(of offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), source.count)
        // The last line start at or before the offset (binary search).
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let lineStart = lineStarts[low]
        let column = String(decoding: source[lineStart..<clamped], as: UTF8.self).count + 1
        return SourcePosition(line: low + 1, column: column)
    }

    /// An error at `offset`.
    func error(_ kind: TemplateError.Kind, at offset: Int) -> TemplateError {
        let position = position(of: offset)
        return TemplateError(kind, line: position.line, column: position.column)
    }
}
