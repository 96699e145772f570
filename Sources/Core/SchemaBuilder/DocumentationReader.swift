import OpenAPI

/// Turns fetched or uploaded bytes into documentation text: HTML through ``HTMLTextConverter``,
/// PDF through ``PDFTextExtractor``, text as it is; images and other binary files are refused
/// with a clear message.
///
/// Blocks while a PDF is read; call it from a worker thread.
public struct DocumentationReader: Sendable {
    /// Reads HTML pages.
    public var htmlConverter: HTMLTextConverter
    /// Reads PDFs.
    public var pdfExtractor: PDFTextExtractor
    /// The most bytes of plain text or Markdown accepted.
    public var maximumTextBytes: Int

    /// Creates a reader.
    public init(
        htmlConverter: HTMLTextConverter = HTMLTextConverter(), pdfExtractor: PDFTextExtractor = PDFTextExtractor(),
        maximumTextBytes: Int = 2 << 20
    ) {
        self.htmlConverter = htmlConverter
        self.pdfExtractor = pdfExtractor
        self.maximumTextBytes = maximumTextBytes
    }

    /// The documentation in `bytes`; `contentType` is the `Content-Type` given with them, if any,
    /// and `source` says where they came from (a URL, a file name).
    public func piece(from bytes: [UInt8], contentType: String?, source: String) throws(SchemaBuilderError) -> DocumentationPiece {
        let mediaType = contentType.map { String($0.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if PDFTextExtractor.isPDF(bytes) || mediaType == "application/pdf" {
            return DocumentationPiece(source: source, text: try pdfExtractor.text(fromPDF: bytes))
        }
        if let kind = Self.binaryKind(bytes, mediaType: mediaType) { throw .unsupportedContent(what: kind) }
        if mediaType.contains("html") || mediaType.isEmpty && Self.looksLikeHTML(bytes) {
            return DocumentationPiece(source: source, text: try htmlConverter.text(from: String(decoding: bytes, as: UTF8.self)))
        }
        guard bytes.count <= maximumTextBytes else { throw .tooLarge(what: "text", limit: maximumTextBytes) }
        return DocumentationPiece(source: source, text: String(decoding: bytes, as: UTF8.self))
    }

    /// What a binary file is, by its signature or media type; nil for text.
    static func binaryKind(_ bytes: [UInt8], mediaType: String) -> String? {
        func starts(with signature: [UInt8]) -> Bool { bytes.starts(with: signature) }
        if mediaType.hasPrefix("image/") || starts(with: [0x89, 0x50, 0x4E, 0x47]) || starts(with: [0xFF, 0xD8, 0xFF])
            || starts(with: Array("GIF8".utf8)) || starts(with: Array("RIFF".utf8)) && bytes.dropFirst(8).starts(with: Array("WEBP".utf8))
            || starts(with: Array("BM".utf8)) && bytes.count > 26 && !bytes.prefix(64).contains(0x0A)
        {
            return "an image"
        }
        if starts(with: [0x50, 0x4B, 0x03, 0x04]) || mediaType.contains("zip") { return "an archive or office document" }
        if mediaType.hasPrefix("audio/") || mediaType.hasPrefix("video/") { return "audio or video" }
        // Text never holds NUL bytes; UTF-16 text and binary formats do.
        if bytes.prefix(4096).contains(0) { return "a binary file" }
        return nil
    }

    private static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let start = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        return start.contains("<!doctype html") || start.contains("<html") || start.contains("<body") || start.contains("<head")
    }
}
