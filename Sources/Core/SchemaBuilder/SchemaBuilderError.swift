/// Why documentation could not be read for the "Ask" schema builder, in words an admin can act on.
public enum SchemaBuilderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is larger than the limit for its kind.
    case tooLarge(what: String, limit: Int)
    /// The URL could not be fetched (egress refusal, timeout, DNS, TLS…).
    case fetchFailed(url: String, reason: String)
    /// The server answered with a status that is not a success.
    case unexpectedStatus(url: String, status: Int)
    /// The bytes are an image, an archive or another format that holds no documentation text.
    case unsupportedContent(what: String)
    /// The PDF has pages but no text layer: a scan or pictures of text.
    case pdfHasNoText(pages: Int)
    /// The PDF has more pages than the limit.
    case pdfTooManyPages(limit: Int)
    /// `pdftotext` refused the file (damaged, encrypted) or failed.
    case pdfUnreadable(reason: String)
    /// `pdftotext` did not finish within the time limit and was stopped.
    case pdfTimedOut(seconds: Int)
    /// `pdftotext` is not installed on this server.
    case pdfToolMissing(path: String)

    /// The message for the admin.
    public var description: String {
        switch self {
        case .tooLarge(let what, let limit):
            "The \(what) is larger than the limit of \(Self.size(limit)); give a smaller part of the documentation."
        case .fetchFailed(let url, let reason):
            "Could not fetch \(url): \(reason)."
        case .unexpectedStatus(let url, let status):
            "Fetching \(url) answered with status \(status); check the address, or paste the documentation instead."
        case .unsupportedContent(let what):
            "This is \(what), not documentation text. Paste the documentation, give the URL of a web page, or upload a PDF with text."
        case .pdfHasNoText(let pages):
            "This PDF has \(pages) page\(pages == 1 ? "" : "s") but no text layer: it looks like a scan or images of text. "
                + "Switchboard does not read text out of images; paste the documentation or give its web address instead."
        case .pdfTooManyPages(let limit):
            "This PDF has more than \(limit) pages; upload only the pages of the API reference."
        case .pdfUnreadable(let reason):
            "This PDF could not be read (\(reason)). If it is password-protected, upload an unprotected copy."
        case .pdfTimedOut(let seconds):
            "Reading this PDF took longer than \(seconds) seconds and was stopped; upload only the pages of the API reference."
        case .pdfToolMissing(let path):
            "PDF reading is not available on this server: \(path) is missing (Debian package poppler-utils)."
        }
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB"
    }
}
