import YAML

/// Reads documentation text line by line into a ``DraftAPI``: endpoint lines, curl examples,
/// parameter tables and lists, JSON examples, the base URL and authentication hints.
///
/// Tables, parameter lists and JSON examples belong to the nearest endpoint above them. A JSON
/// example is a request body when the text just above it says so ("Request", "Body"), a
/// response when it says "Response" or "Returns", and otherwise a request body for a write
/// method that has none yet and a response for everything else.
struct DocumentationScanner {
    /// The API being built.
    var api: DraftAPI
    /// How many things the scanned text added (endpoints, parameters, examples, hints).
    private(set) var findings = 0
    private var currentEndpoint: Int?
    // The latest heading or prose line, lower-cased: says what a following table or JSON block is.
    private var context = ""
    // The latest heading since the last endpoint: the summary of an endpoint line that has none.
    private var headingSinceEndpoint: String?
    // The latest prose line ending in a colon ("Create a customer:"): the summary of a curl example below it.
    private var introduction: String?
    // An endpoint found without a summary: the prose line right after it describes it ("Returns all notes.").
    private var endpointAwaitingSummary: Int?
    // A method with a title and no path ("GET List orders", as Postman documents requests): the
    // URL is on the next line.
    private var titledMethod: (method: String, title: String)?

    /// The most lines an unfenced JSON example may span.
    static let maximumJSONLines = 2_000
    /// The most lines a curl command may span.
    static let maximumCommandLines = 200

    init(api: DraftAPI) {
        self.api = api
    }

    /// Reads `text` into ``api``.
    mutating func scan(_ text: String) {
        let lines = text.replacingFormFeeds().split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        scanLines(lines)
    }

    private mutating func scanLines(_ lines: [String]) {
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingSpaces()
            // Only the next non-empty line may complete a titled method.
            let pendingTitle = titledMethod
            titledMethod = nil
            if trimmed.isEmpty {
                titledMethod = pendingTitle
                index += 1
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let fence = String(trimmed.prefix(3))
                let language = trimmed.dropFirst(3).trimmingSpaces().lowercased()
                var body: [String] = []
                index += 1
                while index < lines.count, !lines[index].trimmingSpaces().hasPrefix(fence) {
                    body.append(lines[index])
                    index += 1
                }
                index += 1
                scanCodeBlock(body, language: language)
            } else if Self.curlCommandStart(trimmed) != nil {
                index = scanCurl(lines, from: index)
            } else if Self.mayStartJSON(trimmed), let next = scanUnfencedJSON(lines, from: index) {
                index = next
            } else if trimmed.hasPrefix("|"), trimmed.dropFirst().contains("|") {
                var rows: [[String]] = []
                while index < lines.count, lines[index].trimmingSpaces().hasPrefix("|") {
                    if let cells = ParameterTable.pipeCells(lines[index]) { rows.append(cells) }
                    index += 1
                }
                scanTable(rows)
            } else if let header = Self.plainTableHeader(trimmed) {
                index = scanPlainTable(lines, header: header, from: index + 1)
            } else {
                scanLine(trimmed, after: pendingTitle)
                index += 1
            }
        }
    }

    // MARK: - Code blocks and curl

    private mutating func scanCodeBlock(_ body: [String], language: String) {
        let text = body.joined(separator: "\n")
        if body.contains(where: { Self.curlCommandStart($0.trimmingSpaces()) != nil }) {
            scanLines(body)
            return
        }
        if let value = try? JSONReader().read(Array(text.utf8)) {
            attachJSON(value, label: language, firstLine: body.first ?? "")
            return
        }
        if language == "json" {
            api.reportNotUnderstood("JSON example that is not valid JSON: \(body.first(where: { !$0.trimmingSpaces().isEmpty }) ?? "")")
            return
        }
        // HTTP messages (`GET /v1/orders HTTP/1.1`, headers, body) and endpoint lists.
        scanLines(body)
    }

    /// The command without a prompt (`$ `, `> `) when `line` starts a curl command.
    private static func curlCommandStart(_ line: String) -> String? {
        var command = Substring(line)
        for prompt in ["$ ", "> ", "% ", "# "] where command.hasPrefix(prompt) { command = command.dropFirst(prompt.count) }
        return command.hasPrefix("curl ") ? String(command) : nil
    }

    /// Reads the curl command starting at `start` and its continuation lines; returns the next line.
    private mutating func scanCurl(_ lines: [String], from start: Int) -> Int {
        var index = start
        var command = Self.curlCommandStart(lines[start].trimmingSpaces()) ?? ""
        // A backslash (POSIX shells) or caret (Windows) at the end continues the command, as does
        // an open quote (a JSON body over several lines), up to a bound: a stray quote must not
        // swallow the rest of the page.
        while command.hasSuffix("\\") || command.hasSuffix("^") || Self.hasOpenQuote(command), index + 1 < lines.count,
            index - start < Self.maximumCommandLines
        {
            if command.hasSuffix("^") { command.removeLast() }
            index += 1
            command += "\n" + lines[index]
        }
        scanCurlCommand(command)
        return index + 1
    }

    private static func hasOpenQuote(_ command: String) -> Bool {
        var single = false
        var double = false
        var previous: Character = " "
        for character in command {
            if character == "'", !double { single.toggle() }
            if character == "\"", !single, previous != "\\" { double.toggle() }
            previous = character
        }
        return single || double
    }

    private mutating func scanCurlCommand(_ command: String) {
        let firstLine = String(command.prefix { !$0.isNewline })
        guard let curl = CurlCommand(words: ShellWords.split(command)), let url = DocumentedURL(curl.url) else {
            api.reportNotUnderstood(firstLine)
            return
        }
        for header in curl.headers { addHints(in: "\(header.name): \(header.value)") }
        if curl.usesBasicAuthentication { addScheme(.basic) }
        let data = curl.dataArguments.joined(separator: "&")
        // A call to the token endpoint documents OAuth, not an action.
        if url.path.lowercased().contains("token"), url.path.lowercased().contains("oauth") || data.contains("grant_type") {
            addScheme(.oauth2(authorizationURL: nil, tokenURL: url.text))
            return
        }
        var endpoint = makeEndpoint(method: curl.method, url: url, summary: headingSinceEndpoint ?? introduction)
        let ignoredHeaders: Set<String> = [
            "authorization", "content-type", "accept", "user-agent", "cookie", "content-length", "host", "accept-encoding", "connection",
        ]
        for header in curl.headers where !ignoredHeaders.contains(header.name.lowercased()) && !AuthHints.isAPIKeyName(header.name) {
            endpoint.add(DraftParameter(name: header.name, location: "header"))
        }
        if curl.sendsDataInQuery {
            for field in Self.formFields(data) {
                endpoint.add(
                    DraftParameter(name: field.name, location: "query", schema: JSONSchemaInference.scalarSchema(fromText: field.value)))
            }
        } else if !data.isEmpty {
            let contentType = curl.header("Content-Type").map { String($0.prefix { $0 != ";" }).trimmingSpaces().lowercased() }
            let trimmedData = data.trimmingSpaces()
            if trimmedData.hasPrefix("{") || trimmedData.hasPrefix("[") || contentType?.contains("json") == true {
                if let value = try? JSONReader().read(Array(trimmedData.utf8)) {
                    endpoint.mergeRequestBody(
                        DraftBody(contentType: contentType ?? "application/json", schema: JSONSchemaInference.schema(of: value)))
                } else {
                    api.reportNotUnderstood("request body that is not valid JSON: \(String(trimmedData.prefix(80)))")
                }
            } else if trimmedData.hasPrefix("@") {
                api.reportNotUnderstood("request body read from a file: \(trimmedData)")
            } else {
                endpoint.mergeRequestBody(
                    DraftBody(
                        contentType: "application/x-www-form-urlencoded", schema: JSONSchemaInference.formSchema(Self.formFields(data))))
            }
        }
        if !curl.formFields.isEmpty {
            var properties = OrderedObject()
            for field in curl.formFields {
                var schema = OrderedObject(["type": .string("string")])
                if field.value.hasPrefix("@") { schema["format"] = .string("binary") }
                properties[field.name] = .object(schema)
            }
            endpoint.mergeRequestBody(
                DraftBody(
                    contentType: "multipart/form-data",
                    schema: OrderedObject(["type": .string("object"), "properties": .object(properties)])))
        }
        addEndpoint(endpoint)
    }

    private static func formFields(_ data: String) -> [(name: String, value: String)] {
        data.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first?.trimmingSpaces(), !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? String(parts[1]) : "")
        }
    }

    // MARK: - JSON examples

    private static func mayStartJSON(_ line: String) -> Bool {
        if line.hasPrefix("{") { return true }
        guard line.hasPrefix("[") else { return false }
        let next = line.dropFirst().trimmingSpaces().first
        return next == nil || next == "{" || next == "\"" || next == "["
    }

    /// Reads a JSON example written without a fence (as text from a PDF or a page); returns the
    /// next line, or nil when the lines from `start` do not balance into one.
    private mutating func scanUnfencedJSON(_ lines: [String], from start: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var index = start
        var collected: [String] = []
        while index < lines.count, index - start < Self.maximumJSONLines {
            collected.append(lines[index])
            for character in lines[index] {
                if escaped {
                    escaped = false
                } else if inString {
                    if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                } else if character == "\"" {
                    inString = true
                } else if character == "{" || character == "[" {
                    depth += 1
                } else if character == "}" || character == "]" {
                    depth -= 1
                }
            }
            index += 1
            if depth <= 0 { break }
        }
        // Unbalanced: not a JSON example after all; the line is read as prose.
        guard depth == 0 else { return nil }
        guard let value = try? JSONReader().read(Array(collected.joined(separator: "\n").utf8)) else {
            api.reportNotUnderstood("JSON example that is not valid JSON: \(lines[start])")
            return index
        }
        attachJSON(value, label: "", firstLine: lines[start])
        return index
    }

    private mutating func attachJSON(_ value: OrderedValue, label: String, firstLine: String) {
        endpointAwaitingSummary = nil
        guard let index = currentEndpoint else {
            api.reportNotUnderstood("JSON example with no endpoint above it: \(firstLine.trimmingSpaces())")
            return
        }
        let hint = label + " " + context
        let endpoint = api.endpoints[index]
        let isRequest: Bool
        if ["response", "returns", "result", "output", "reply", "200", "201"].contains(where: hint.contains) {
            isRequest = false
        } else if ["request", "body", "payload", "input", "send"].contains(where: hint.contains) {
            isRequest = true
        } else {
            isRequest = ["POST", "PUT", "PATCH"].contains(endpoint.method) && endpoint.requestBody == nil
        }
        if isRequest {
            api.endpoints[index].mergeRequestBody(DraftBody(contentType: "application/json", schema: JSONSchemaInference.schema(of: value)))
        } else if endpoint.responseSchema == nil {
            api.endpoints[index].responseSchema = JSONSchemaInference.schema(of: value)
        }
        context = ""
        findings += 1
    }

    // MARK: - Tables

    /// The cells of a plain-text table header (`Name   Type   Required   Description`), or nil.
    private static func plainTableHeader(_ line: String) -> [String]? {
        let cells = DraftText.columns(line)
        guard cells.count >= 2, ParameterTable(header: cells, rows: []) != nil else { return nil }
        return cells
    }

    /// Reads the rows of a plain-text table below its header; a line that starts indented and
    /// has one cell continues the description above it. Returns the next line.
    private mutating func scanPlainTable(_ lines: [String], header: [String], from start: Int) -> Int {
        var rows: [[String]] = [header]
        var index = start
        while index < lines.count {
            let line = lines[index]
            let cells = DraftText.columns(line)
            if cells.isEmpty || line.trimmingSpaces().allSatisfy({ "-=+| ".contains($0) }) {
                // A rule under the header, or the blank line ending the table.
                if cells.isEmpty { break }
                index += 1
                continue
            }
            if cells.count == 1, line.first.map({ DraftText.whitespace.contains($0) }) == true, rows.count > 1, let last = rows.indices.last
            {
                rows[last][rows[last].count - 1] += " " + cells.joined()
            } else if cells.count >= 2 {
                rows.append(cells)
            } else {
                break
            }
            index += 1
        }
        scanTable(rows)
        return index
    }

    private mutating func scanTable(_ rows: [[String]]) {
        endpointAwaitingSummary = nil
        guard let header = rows.first, let table = ParameterTable(header: header, rows: Array(rows.dropFirst())) else {
            // Not a parameter table: a row may still name an endpoint or an auth hint.
            for row in rows { scanLine(row.joined(separator: " ")) }
            return
        }
        if table.listsEndpoints {
            for row in table.rows {
                guard let method = table.cell(row, .method), let path = table.cell(row, .path),
                    let line = EndpointLine("\(method) \(path)")
                else {
                    api.reportNotUnderstood(row.joined(separator: " | "))
                    continue
                }
                addEndpoint(makeEndpoint(method: line.method, url: line.target, summary: table.cell(row, .description)))
            }
            return
        }
        guard let index = currentEndpoint else {
            for row in table.rows { api.reportNotUnderstood("parameter with no endpoint above it: " + row.joined(separator: " | ")) }
            return
        }
        // "Response fields", "Returns": the table describes what comes back, not what is sent.
        let describesResponse = ["response", "returns", "returned", "result"].contains(where: context.contains)
        let contextLocation = ParameterTable.location(fromText: context)
        defer { context = "" }
        for row in table.rows {
            let endpoint = api.endpoints[index]
            let name = table.cell(row, .name) ?? ""
            let location = contextLocation ?? defaultLocation(forParameterNamed: name, of: endpoint)
            guard let (parameter, place) = table.parameter(row, defaultLocation: location) else {
                api.reportNotUnderstood(row.joined(separator: " | "))
                continue
            }
            if describesResponse {
                api.endpoints[index].addResponseProperty(parameter)
                findings += 1
            } else {
                addParameter(parameter, location: place, toEndpointAt: index)
            }
        }
    }

    private func defaultLocation(forParameterNamed name: String, of endpoint: DraftEndpoint) -> String {
        let plainName = DraftText.trimming(DraftText.words(name).first ?? name, DraftText.decoration.union(["*"]))
        if PathTemplate.parameterNames(in: endpoint.path).contains(plainName) { return "path" }
        return ["GET", "DELETE", "HEAD", "OPTIONS"].contains(endpoint.method) ? "query" : "body"
    }

    private mutating func addParameter(_ parameter: DraftParameter, location: String, toEndpointAt index: Int) {
        if location == "body" {
            api.endpoints[index].addBodyProperty(parameter)
        } else {
            var placed = parameter
            placed.location = location
            placed.isRequired = placed.isRequired || location == "path"
            api.endpoints[index].add(placed)
        }
        findings += 1
    }

    // MARK: - Single lines

    private mutating func scanLine(_ line: String, after pendingTitle: (method: String, title: String)? = nil) {
        let words = DraftText.words(line)
        if let pendingTitle, words.count == 1, let only = words.first,
            let url = DocumentedURL(DraftText.trimming(only, DraftText.decoration.union(["<", ">"])))
        {
            addEndpoint(makeEndpoint(method: pendingTitle.method, url: url, summary: pendingTitle.title))
            return
        }
        var used = false
        let endpointLine = EndpointLine(line)
        if endpointLine == nil {
            let titleWords = words.drop { $0.allSatisfy { "#-*".contains($0) } }
            // A title is short and no sentence: "GET requests are cached." is prose.
            if let method = titleWords.first, DraftText.methods.contains(method), (2...8).contains(titleWords.count), !line.hasSuffix(".") {
                titledMethod = (method, titleWords.dropFirst().joined(separator: " "))
            }
        }
        if line.hasPrefix("#") {
            let heading = DraftText.trimming(line, ["#", " "])
            context = heading.lowercased()
            endpointAwaitingSummary = nil
            // A heading that names the endpoint itself replaces the section headings above it.
            headingSinceEndpoint = endpointLine == nil ? heading : nil
        }
        if let endpointLine {
            addEndpoint(
                makeEndpoint(method: endpointLine.method, url: endpointLine.target, summary: endpointLine.summary ?? headingSinceEndpoint))
            used = true
        }
        if let baseURL = Self.statedBaseURL(in: line) {
            if api.statedBaseURL == nil { api.statedBaseURL = baseURL }
            findings += 1
            used = true
        }
        if addHints(in: line) { used = true }
        if !used, scanParameterListItem(line) { used = true }
        if !used {
            if DraftText.looksLikeAPIMaterial(line) {
                api.reportNotUnderstood(line)
            } else if !line.hasPrefix("#") {
                context = line.lowercased()
                describeAwaitingEndpoint(with: line)
                introduction = line.hasSuffix(":") ? DraftText.trimming(line, [":", " "]) : nil
            }
        }
    }

    /// `- `name` (string, required): what it is` under an endpoint.
    private mutating func scanParameterListItem(_ line: String) -> Bool {
        guard let index = currentEndpoint, let marker = line.first, "-*•+".contains(marker) else { return false }
        let item = line.dropFirst().trimmingSpaces()
        guard let open = item.firstIndex(of: "("), let close = item[open...].firstIndex(of: ")") else { return false }
        let name = DraftText.trimming(item[..<open], DraftText.decoration.union(DraftText.whitespace))
        let inside = item[item.index(after: open)..<close].lowercased()
        let typeWords = [
            "string", "integer", "int", "number", "boolean", "bool", "array", "object", "float", "date", "required", "optional", "uuid",
        ]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.[]".contains($0) }),
            typeWords.contains(where: { inside.contains($0) })
        else { return false }
        let description = DraftText.trimming(item[item.index(after: close)...], DraftText.whitespace.union(["-", "—", "–", ":"]))
        let endpoint = api.endpoints[index]
        let location =
            ParameterTable.location(fromText: inside) ?? ParameterTable.location(fromText: context)
            ?? defaultLocation(forParameterNamed: name, of: endpoint)
        var parameter = DraftParameter(
            name: name, location: location == "body" ? "query" : location, schema: ParameterTable.schema(fromTypeText: String(inside)),
            isRequired: inside.contains("required") && !inside.contains("optional"), description: description.isEmpty ? nil : description)
        parameter.typeIsDocumented = true
        addParameter(parameter, location: location, toEndpointAt: index)
        return true
    }

    /// The URL of a line stating the base URL ("Base URL: https://api.example.com/v1", "Host: api.example.com").
    private static func statedBaseURL(in line: String) -> String? {
        let lower = line.lowercased()
        // The Host field of an HTTP request example (RFC 9112 §3.2); documented APIs use HTTPS.
        let words = DraftText.words(line)
        if words.count == 2, lower.hasPrefix("host:"), let host = words.last, host.contains("."),
            host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:".contains($0) })
        {
            return "https://" + host.lowercased()
        }
        let phrases = [
            "base url", "base uri", "base path", "api root", "root url", "server url", "api url", "host:", "requests are made to",
            "requests go to", "all requests", "available at", "base address", "api endpoint is",
        ]
        guard phrases.contains(where: lower.contains), let url = DraftText.urls(in: line).first, let parsed = DocumentedURL(url),
            parsed.queryItems.isEmpty
        else { return nil }
        return parsed.text
    }

    // MARK: - Recording

    @discardableResult
    private mutating func addHints(in line: String) -> Bool {
        let schemes = AuthHints.schemes(in: line)
        for scheme in schemes { addScheme(scheme) }
        return !schemes.isEmpty
    }

    private mutating func addScheme(_ scheme: DraftSecurityScheme) {
        api.add(scheme)
        findings += 1
    }

    private mutating func makeEndpoint(method: String, url: DocumentedURL, summary: String?) -> DraftEndpoint {
        var endpoint = DraftEndpoint(method: method, origin: url.origin, path: url.path, summary: summary)
        for name in PathTemplate.parameterNames(in: url.path) { endpoint.add(DraftParameter(name: name, location: "path")) }
        for item in url.queryItems {
            if AuthHints.isAPIKeyName(item.name) {
                addScheme(.apiKey(name: item.name, location: "query"))
            } else {
                endpoint.add(
                    DraftParameter(name: item.name, location: "query", schema: JSONSchemaInference.scalarSchema(fromText: item.value)))
            }
        }
        return endpoint
    }

    private mutating func addEndpoint(_ endpoint: DraftEndpoint) {
        let index = api.add(endpoint)
        currentEndpoint = index
        endpointAwaitingSummary = api.endpoints[index].summary == nil ? index : nil
        headingSinceEndpoint = nil
        introduction = nil
        context = ""
        findings += 1
    }

    /// Gives the endpoint just found the sentence below it as its summary.
    private mutating func describeAwaitingEndpoint(with line: String) {
        guard let index = endpointAwaitingSummary else { return }
        endpointAwaitingSummary = nil
        guard !line.hasSuffix(":"), line.count <= 160, api.endpoints.indices.contains(index) else { return }
        let firstSentence = line.firstRange(of: ". ").map { String(line[..<$0.lowerBound]) } ?? line
        api.endpoints[index].summary = DraftText.trimming(firstSentence, [".", " "])
    }
}

extension String {
    /// The text with form feeds (page breaks in `pdftotext` output) as line ends.
    fileprivate func replacingFormFeeds() -> String {
        contains("\u{0C}") ? String(map { $0 == "\u{0C}" ? "\n" : $0 }) : self
    }
}
