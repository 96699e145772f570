import Foundation
import OpenAPI
import YAML

/// Turns an operation and a model's arguments into a request: validates the arguments, expands
/// the path, serialises query, header and cookie parameters, encodes the body.
///
/// Arguments are one JSON object: each parameter by its name, and the body either under
/// `body` (when no parameter is called that) or as the remaining top-level properties.
enum RequestBuilder {
    enum BuildOutcome {
        case request(BuiltRequest)
        case problems([ArgumentProblem])
    }

    static func build(_ operation: APIOperation, arguments: OrderedObject, baseURL: String) -> BuildOutcome {
        var problems: [ArgumentProblem] = []
        var values: [(Parameter, OrderedValue)] = []
        let parameterNames = Set(operation.parameters.map(\.name))
        for parameter in operation.parameters {
            guard let raw = arguments[parameter.name], raw != .null else {
                if parameter.isRequired {
                    let shape = parameter.schema.map { " (\(SchemaValidator.describe($0)))" } ?? ""
                    problems.append(
                        ArgumentProblem(path: parameter.name, message: "is required\(shape), a \(parameter.location.rawValue) parameter"))
                } else if let defaultValue = parameter.schema?.defaultValue, parameter.location == .path {
                    values.append((parameter, defaultValue))
                }
                continue
            }
            let value = coerced(raw, to: parameter.schema)
            if let schema = parameter.schema { problems += SchemaValidator.problems(value, schema, at: parameter.name) }
            if parameter.location == .header || parameter.location == .cookie,
                ParameterSerializer.scalar(value).utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 })
            {
                problems.append(ArgumentProblem(path: parameter.name, message: "cannot hold a line break"))
            }
            values.append((parameter, value))
        }
        let (bodyValue, bodyProblems) = bodyArgument(operation, arguments: arguments, parameterNames: parameterNames)
        problems += bodyProblems
        var request = BuiltRequest(
            method: operation.method.rawValue, urlWithoutQuery: "", query: [], headers: [], cookies: [], body: [], contentType: nil)
        if let body = operation.requestBody {
            if let bodyValue {
                switch encodeBody(bodyValue, body) {
                case .success(let (bytes, contentType, schema)):
                    if let schema { problems += SchemaValidator.problems(bodyValue, schema, at: "body") }
                    request.body = bytes
                    request.contentType = contentType
                case .failure(let problem): problems.append(problem)
                }
            } else if body.isRequired {
                let schema = body.content.first?.schema
                problems.append(
                    ArgumentProblem(path: "body", message: "is required\(schema.map { " (\(SchemaValidator.describe($0)))" } ?? "")"))
            }
        }
        var path = operation.pathTemplate
        for (parameter, value) in values {
            switch parameter.location {
            case .path: path = path.replacingOccurrences(of: "{\(parameter.name)}", with: ParameterSerializer.path(parameter, value))
            case .query: request.query += ParameterSerializer.query(parameter, value)
            case .header: request.headers.append(NameValue(name: parameter.name, value: ParameterSerializer.header(parameter, value)))
            case .cookie: request.cookies.append(ParameterSerializer.cookie(parameter, value))
            }
        }
        if let unfilled = path.range(of: #"\{[^}]*\}"#, options: .regularExpression), problems.isEmpty {
            problems.append(ArgumentProblem(path: String(path[unfilled].dropFirst().dropLast()), message: "is required (a path parameter)"))
        }
        guard problems.isEmpty else { return .problems(problems) }
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        request.urlWithoutQuery = base + (path.hasPrefix("/") ? path : "/" + path)
        if !request.cookies.isEmpty { request.headers.append(NameValue(name: "Cookie", value: request.cookies.joined(separator: "; "))) }
        if let contentType = request.contentType { request.headers.append(NameValue(name: "Content-Type", value: contentType)) }
        request.headers.append(NameValue(name: "Accept", value: "application/json, */*;q=0.5"))
        return .request(request)
    }

    /// The body argument: `body`, else the top-level properties that are not parameters.
    private static func bodyArgument(
        _ operation: APIOperation, arguments: OrderedObject, parameterNames: Set<String>
    ) -> (OrderedValue?, [ArgumentProblem]) {
        if !parameterNames.contains("body"), let body = arguments["body"] {
            let extra = arguments.keys.filter { $0 != "body" && !parameterNames.contains($0) }
            return (body, extra.map { unknown($0, operation) })
        }
        let rest = arguments.entries.filter { !parameterNames.contains($0.key) }
        guard !rest.isEmpty else { return (nil, []) }
        guard operation.requestBody != nil else { return (nil, rest.map { unknown($0.key, operation) }) }
        return (.object(OrderedObject(rest)), [])
    }

    private static func unknown(_ name: String, _ operation: APIOperation) -> ArgumentProblem {
        var known = operation.parameters.map(\.name)
        if operation.requestBody != nil { known.append("body") }
        let list = known.isEmpty ? "none" : known.joined(separator: ", ")
        return ArgumentProblem(path: name, message: "is not an argument of this action; it takes: \(list)")
    }

    /// JSON when the operation accepts it, else a urlencoded form, else a multipart form, else
    /// text or XML for a string.
    private static func encodeBody(_ value: OrderedValue, _ body: RequestBody) -> Result<([UInt8], String, Schema?), ArgumentProblem> {
        let json = body.content.first { isJSON($0.contentType) }
        let form = body.content.first { $0.contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") }
        if let json {
            return .success((Array(value.jsonText().utf8), json.contentType, json.schema))
        }
        if let form {
            guard case .object(let object) = value else {
                return .failure(ArgumentProblem(path: "body", message: "must be an object of form fields"))
            }
            return .success((Array(ParameterSerializer.form(object).utf8), "application/x-www-form-urlencoded", form.schema))
        }
        if let multipart = body.content.first(where: { $0.contentType.lowercased().hasPrefix("multipart/form-data") }) {
            guard case .object(let object) = value else {
                return .failure(ArgumentProblem(path: "body", message: "must be an object of form fields"))
            }
            let encoder = MultipartFormBody()
            return .success((encoder.encode(object, schema: multipart.schema), encoder.contentType, multipart.schema))
        }
        if let text = body.content.first(where: { isText($0.contentType) }), case .string(let string) = value {
            return .success((Array(string.utf8), text.contentType, nil))
        }
        let types = body.content.map(\.contentType).joined(separator: ", ")
        return .failure(
            ArgumentProblem(path: "body", message: "cannot be sent: the action takes \(types), which Switchboard does not send yet"))
    }

    /// Text the agent writes whole: `text/*` and XML (`application/xml`, `…+xml`).
    static func isText(_ contentType: String) -> Bool {
        let type = contentType.lowercased().split(separator: ";").first.map(String.init) ?? ""
        return type.hasPrefix("text/") || type == "application/xml" || type.hasSuffix("+xml")
    }

    static func isJSON(_ contentType: String) -> Bool {
        let type = contentType.lowercased().split(separator: ";").first.map(String.init) ?? ""
        return type == "application/json" || type.hasSuffix("+json")
    }

    /// A string argument for a numeric or boolean parameter read as that type: models often
    /// quote numbers, and parameters travel as text anyway.
    private static func coerced(_ value: OrderedValue, to schema: Schema?) -> OrderedValue {
        guard case .string(let text) = value, let schema else { return value }
        if schema.types.contains(.integer), let integer = Int(text) { return .int(integer) }
        if schema.types.contains(.number), let number = Double(text) { return .double(number) }
        if schema.types.contains(.boolean), text == "true" || text == "false" { return .bool(text == "true") }
        return value
    }
}
