/// A drafted OpenAPI document as JSON text, and a report of how it was drafted.
public struct SchemaDraft: Sendable, Equatable {
    /// The OpenAPI 3.0 document, pretty-printed with keys in a stable order.
    public var jsonText: String
    /// What was found and what was not understood.
    public var report: DraftReport

    /// Creates a draft.
    public init(jsonText: String, report: DraftReport) {
        self.jsonText = jsonText
        self.report = report
    }
}

/// What a drafter found, what it applied and what it could not use.
public struct DraftReport: Sendable, Equatable {
    /// The endpoints in the draft, in document order.
    public var endpoints: [DraftedEndpoint]
    /// The base URL chosen, when one was found or given.
    public var baseURL: String?
    /// The corrections applied, each described in a short sentence.
    public var appliedCorrections: [String]
    /// Lines that looked like API material (a URL, a method and path, a table row, a JSON block)
    /// but were not used, and corrections that could not be applied.
    public var notUnderstood: [String]

    /// Creates a report.
    public init(endpoints: [DraftedEndpoint], baseURL: String?, appliedCorrections: [String], notUnderstood: [String]) {
        self.endpoints = endpoints
        self.baseURL = baseURL
        self.appliedCorrections = appliedCorrections
        self.notUnderstood = notUnderstood
    }
}

/// One endpoint of a draft, as listed beside it.
public struct DraftedEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// The method in upper case.
    public var method: String
    /// The path template relative to the base URL, `{name}` for path parameters.
    public var path: String
    /// The summary taken from the documentation, if any.
    public var summary: String?
    /// The parameter names, path first, then query, then header.
    public var parameterNames: [String]

    /// Creates an endpoint summary.
    public init(method: String, path: String, summary: String?, parameterNames: [String]) {
        self.method = method
        self.path = path
        self.summary = summary
        self.parameterNames = parameterNames
    }

    /// `GET /orders/{id}`.
    public var description: String { "\(method) \(path)" }
}
