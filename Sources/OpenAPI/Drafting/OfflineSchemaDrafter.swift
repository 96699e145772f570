import YAML

/// The built-in drafter: reads documentation with fixed rules, no model and no network, so the
/// same conversation always gives the same draft.
///
/// It recognises endpoint lines (`GET /v1/orders/{id}`, full URLs), curl examples, parameter
/// tables (Markdown, HTML turned into pipe rows, plain columns) and parameter lists, JSON request
/// and response examples, the base URL and authentication hints; see ``DocumentationScanner``
/// and ``DraftCorrection`` for the rules.
///
/// ```swift
/// let draft = try OfflineSchemaDrafter().draft([
///     .documentation(DocumentationPiece(source: "pasted text", text: "Base URL: https://api.acme.com/v1\n\nGET /orders/{id}")),
///     .correction("call it Acme Orders"),
/// ])
/// print(draft.jsonText, draft.report.endpoints)
/// ```
public struct OfflineSchemaDrafter: SchemaDrafter {
    /// Creates the drafter.
    public init() {}

    /// Drafts a document from `messages` in order; never throws.
    public func draft(_ messages: [DraftMessage]) throws(DraftingError) -> SchemaDraft {
        draftNow(messages)
    }

    /// The draft, computed on the calling thread.
    public func draftNow(_ messages: [DraftMessage]) -> SchemaDraft {
        var api = DraftAPI()
        for message in messages {
            switch message {
            case .documentation(let piece):
                var scanner = DocumentationScanner(api: api)
                scanner.scan(piece.text)
                api = scanner.api
            case .correction(let text):
                apply(correction: text, to: &api)
            }
        }
        let (document, endpoints, baseURL) = DraftDocumentBuilder(api: api).build()
        let report = DraftReport(
            endpoints: endpoints, baseURL: baseURL, appliedCorrections: api.appliedCorrections, notUnderstood: api.notUnderstoodReport)
        return SchemaDraft(jsonText: OrderedValue.object(document).prettyJSONText, report: report)
    }

    /// Applies each line of `text` that is a correction; a message with none is read as more
    /// documentation, and reported when that finds nothing either.
    private func apply(correction text: String, to api: inout DraftAPI) {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let corrections = lines.compactMap(DraftCorrection.init)
        guard !corrections.isEmpty else {
            var scanner = DocumentationScanner(api: api)
            scanner.scan(text)
            api = scanner.api
            if scanner.findings == 0 { api.reportNotUnderstood("Message not understood as documentation or a correction: \(text)") }
            return
        }
        for correction in corrections {
            let (applied, sentence) = correction.apply(to: &api)
            if applied { api.appliedCorrections.append(sentence) } else { api.reportNotUnderstood(sentence) }
        }
    }
}
