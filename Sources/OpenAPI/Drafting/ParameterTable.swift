import YAML

/// A table from documentation (Markdown pipes, HTML turned into pipe rows, or plain columns),
/// read by what its header says each column holds.
struct ParameterTable {
    /// What a column holds, from its header text.
    enum Role: Equatable {
        case name, type, required, optional, description, location, method, path
    }

    /// The role of each column, nil for columns that say nothing the drafter uses.
    let roles: [Role?]
    /// The rows below the header, as cells.
    let rows: [[String]]

    /// Reads a table whose first row is the header; nil when the header names no parameter
    /// column and no method-and-path columns.
    init?(header: [String], rows: [[String]]) {
        let roles = header.map(Self.role(ofHeader:))
        let isParameterTable =
            roles.contains(.name)
            && (roles.contains(.type) || roles.contains(.description) || roles.contains(.required) || roles.contains(.location))
        let isEndpointTable = roles.contains(.method) && roles.contains(.path)
        guard isParameterTable || isEndpointTable else { return nil }
        self.roles = roles
        self.rows = rows
    }

    /// Whether the table lists endpoints (a method column and a path column) rather than parameters.
    var listsEndpoints: Bool { roles.contains(.method) && roles.contains(.path) && !roles.contains(.name) }

    /// The cell of `row` in the column with `role`, decoration removed.
    func cell(_ row: [String], _ role: Role) -> String? {
        guard let column = roles.firstIndex(of: role), column < row.count else { return nil }
        let text = DraftText.trimming(row[column], DraftText.decoration.union(DraftText.whitespace))
        return text.isEmpty ? nil : text
    }

    /// The cells of a Markdown pipe row (`| a | b |`), or nil for a separator row (`|---|:-:|`).
    static func pipeCells(_ line: String) -> [String]? {
        var trimmed = line.trimmingSpaces()
        if trimmed.hasPrefix("|") { trimmed.removeFirst() }
        if trimmed.hasSuffix("|"), !trimmed.hasSuffix("\\|") { trimmed.removeLast() }
        var cells: [String] = []
        var current = ""
        var previous: Character = " "
        for character in trimmed {
            if character == "|", previous != "\\" {
                cells.append(current.trimmingSpaces())
                current = ""
            } else if character == "|" {
                current.removeLast()
                current.append(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        cells.append(current.trimmingSpaces())
        if cells.allSatisfy({ cell in !cell.isEmpty && cell.allSatisfy { "-:= ".contains($0) } }) { return nil }
        return cells
    }

    /// The parameter a row describes, with its type, requiredness and description; nil when the
    /// row has no usable name.
    func parameter(_ row: [String], defaultLocation: String) -> (parameter: DraftParameter, location: String)? {
        guard var name = cell(row, .name) else { return nil }
        var isRequired = false
        if name.hasSuffix("*") {
            name = DraftText.trimming(name, ["*", " "])
            isRequired = true
        }
        // "id (required)" or "`limit` optional" put more than the name in the cell.
        let nameWords = DraftText.words(name)
        if let first = nameWords.first, nameWords.count > 1 {
            isRequired = isRequired || nameWords.dropFirst().contains { $0.lowercased().contains("required") }
            name = DraftText.trimming(first, DraftText.decoration)
        }
        guard !name.isEmpty, name.count <= 80, name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.[]$".contains($0) }) else { return nil }
        let typeText = cell(row, .type) ?? ""
        let description = cell(row, .description)
        if let requiredText = cell(row, .required) {
            isRequired = Self.isAffirmative(requiredText)
        } else if let optionalText = cell(row, .optional) {
            isRequired = !Self.isAffirmative(optionalText)
        } else {
            let hints = (typeText + " " + (description ?? "")).lowercased()
            isRequired = isRequired || (hints.contains("required") && !hints.contains("not required"))
        }
        let location = cell(row, .location).flatMap(Self.location(fromText:)) ?? defaultLocation
        var parameter = DraftParameter(
            name: name, location: location == "body" ? "query" : location, schema: Self.schema(fromTypeText: typeText),
            isRequired: isRequired, description: description)
        parameter.typeIsDocumented = !typeText.isEmpty
        return (parameter, location)
    }

    /// A schema for a documented type name (`string`, `int64`, `Boolean`, `array of strings`, `date-time`).
    static func schema(fromTypeText text: String) -> OrderedObject {
        let lower = DraftText.plain(text)
        let words = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "[" && $0 != "]" }).map(String.init)
        func has(_ candidates: Set<String>) -> Bool { words.contains { candidates.contains($0) } }
        if lower.hasSuffix("[]") || has(["array", "list"]) {
            let itemText = lower.hasSuffix("[]") ? String(lower.dropLast(2)) : words.drop { $0 != "of" }.dropFirst().joined(separator: " ")
            let items = itemText.isEmpty ? OrderedObject(["type": .string("string")]) : schema(fromTypeText: itemText)
            return OrderedObject(["type": .string("array"), "items": .object(items)])
        }
        if has(["integer", "int", "int32", "int64", "long", "integers", "ints"]) {
            var schema = OrderedObject(["type": .string("integer")])
            if has(["int64", "long"]) { schema["format"] = .string("int64") }
            if has(["int32"]) { schema["format"] = .string("int32") }
            return schema
        }
        if has(["number", "float", "double", "decimal", "numeric", "numbers"]) { return OrderedObject(["type": .string("number")]) }
        if has(["boolean", "bool", "booleans"]) { return OrderedObject(["type": .string("boolean")]) }
        if has(["object", "hash", "map", "dictionary", "dict", "json"]) { return OrderedObject(["type": .string("object")]) }
        var schema = OrderedObject(["type": .string("string")])
        if has(["date-time", "datetime", "timestamp"]) {
            schema["format"] = .string("date-time")
        } else if has(["date"]) {
            schema["format"] = .string("date")
        } else if has(["uuid"]) {
            schema["format"] = .string("uuid")
        } else if has(["email"]) {
            schema["format"] = .string("email")
        } else if has(["file", "binary"]) {
            schema["format"] = .string("binary")
        }
        return schema
    }

    /// `path`, `query`, `header`, `cookie` or `body` for a location cell or a heading that names one.
    static func location(fromText text: String) -> String? {
        let lower = text.lowercased()
        if lower.contains("path") || lower.contains("url param") || lower.contains("route") { return "path" }
        if lower.contains("query") || lower.contains("querystring") { return "query" }
        if lower.contains("header") { return "header" }
        if lower.contains("cookie") { return "cookie" }
        if lower.contains("body") || lower.contains("form") || lower.contains("payload") || lower.contains("json") { return "body" }
        return nil
    }

    private static func isAffirmative(_ text: String) -> Bool {
        let lower = DraftText.plain(text)
        return ["yes", "y", "true", "required", "✓", "✔", "x", "mandatory", "always", "required."].contains(lower)
            || lower.hasPrefix("yes") || lower.hasPrefix("required")
    }

    private static func role(ofHeader text: String) -> Role? {
        switch DraftText.plain(text) {
        case "name", "parameter", "parameters", "param", "field", "fields", "key", "attribute", "property", "argument",
            "parameter name", "field name", "query parameter", "path parameter", "header", "body parameter", "option":
            return .name
        case "type", "data type", "datatype", "value type", "schema", "format", "type / format":
            return .type
        case "required", "required?", "mandatory", "req", "req.", "required / optional":
            return .required
        case "optional", "optional?":
            return .optional
        case "description", "details", "notes", "meaning", "desc", "explanation", "comment", "summary":
            return .description
        case "in", "location", "where", "source", "parameter type", "param type", "kind":
            return .location
        case "method", "verb", "http method", "http verb":
            return .method
        case "path", "endpoint", "url", "route", "uri", "resource", "request":
            return .path
        default:
            return nil
        }
    }
}
