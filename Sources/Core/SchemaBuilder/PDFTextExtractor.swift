import Foundation

/// Extracts the text of a PDF with poppler's `pdftotext`, run as a subprocess within a size
/// limit, a page limit and a timeout.
///
/// `-layout` keeps table columns aligned, so parameter tables read as plain columns. A PDF with
/// pages but no text (a scan) is ``SchemaBuilderError/pdfHasNoText(pages:)``: there is no OCR.
/// Blocks the calling thread while `pdftotext` runs; call it from a worker thread.
///
/// ```swift
/// let text = try PDFTextExtractor().text(fromPDF: uploadedBytes)
/// ```
public struct PDFTextExtractor: Sendable {
    /// The `pdftotext` program (Debian package poppler-utils).
    public var executablePath: String
    /// The largest PDF accepted.
    public var maximumInputBytes: Int
    /// The most pages read; a longer PDF is refused rather than cut short unnoticed.
    public var maximumPages: Int
    /// The most bytes of extracted text accepted.
    public var maximumTextBytes: Int
    /// How long `pdftotext` may run before it is stopped.
    public var timeout: Duration

    /// The fewest letters a PDF's text must hold to count as having a text layer.
    static let minimumLetters = 20

    /// Creates an extractor; the defaults suit an API reference of up to a hundred pages.
    public init(
        executablePath: String = "/usr/bin/pdftotext", maximumInputBytes: Int = 20 << 20, maximumPages: Int = 100,
        maximumTextBytes: Int = 4 << 20, timeout: Duration = .seconds(30)
    ) {
        self.executablePath = executablePath
        self.maximumInputBytes = maximumInputBytes
        self.maximumPages = maximumPages
        self.maximumTextBytes = maximumTextBytes
        self.timeout = timeout
    }

    /// Whether `bytes` start like a PDF (ISO 32000-1 §7.5.2: the header `%PDF-` in the first 1024 bytes).
    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        let header = Array("%PDF-".utf8)
        let window = bytes.prefix(1024)
        guard window.count >= header.count else { return false }
        return (window.startIndex...(window.endIndex - header.count)).contains { start in
            window[start..<(start + header.count)].elementsEqual(header)
        }
    }

    /// The text of the PDF in `bytes`, pages separated by form feeds.
    public func text(fromPDF bytes: [UInt8]) throws(SchemaBuilderError) -> String {
        guard bytes.count <= maximumInputBytes else { throw .tooLarge(what: "PDF", limit: maximumInputBytes) }
        guard Self.isPDF(bytes) else { throw .unsupportedContent(what: "not a PDF file") }
        guard FileManager.default.isExecutableFile(atPath: executablePath) else { throw .pdfToolMissing(path: executablePath) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.pdf")
        let output = folder.appendingPathComponent("output.txt")
        let errors = folder.appendingPathComponent("errors.txt")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(bytes).write(to: input)
            try Data().write(to: errors)
        } catch {
            throw .pdfUnreadable(reason: "the upload could not be stored for reading: \(error.localizedDescription)")
        }
        // One page past the limit tells a PDF that is too long from one that is just long enough.
        let status = try run(
            arguments: ["-layout", "-enc", "UTF-8", "-f", "1", "-l", String(maximumPages + 1), input.path, output.path], errors: errors)
        guard status == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let reason = message.split(whereSeparator: \.isNewline).last.map(String.init) ?? "pdftotext exited with status \(status)"
            throw .pdfUnreadable(reason: String(reason.prefix(200)))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        guard size <= maximumTextBytes else { throw .tooLarge(what: "text of the PDF", limit: maximumTextBytes) }
        guard let data = FileManager.default.contents(atPath: output.path) else { throw .pdfUnreadable(reason: "pdftotext wrote no text") }
        let text = String(decoding: data, as: UTF8.self)
        // pdftotext ends every page with a form feed.
        let pages = text.reduce(0) { $1 == "\u{0C}" ? $0 + 1 : $0 }
        guard pages <= maximumPages else { throw .pdfTooManyPages(limit: maximumPages) }
        guard text.reduce(0, { $1.isLetter ? $0 + 1 : $0 }) >= Self.minimumLetters else { throw .pdfHasNoText(pages: max(pages, 1)) }
        return text
    }

    /// Runs `pdftotext`, stopping it at the timeout; returns its exit status.
    private func run(arguments: [String], errors: URL) throws(SchemaBuilderError) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try? FileHandle(forWritingTo: errors)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .pdfUnreadable(reason: "pdftotext could not be started: \(error.localizedDescription)")
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = finished.wait(timeout: .now() + 2)
            }
            throw .pdfTimedOut(seconds: Int(seconds.rounded(.up)))
        }
        return process.terminationStatus
    }
}
