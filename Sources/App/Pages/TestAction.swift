import Core
import OpenAPI
import Templates
import YAML

/// The "Test action" form's fields turned into an action's arguments: each parameter by name
/// (typed by its schema: numbers, booleans and arrays are read as JSON, the rest as text), and
/// the body's JSON under `body`. Blank fields are left out.
enum TestArguments {
    static func build(operation: APIOperation, values: [String: String]) -> OrderedObject {
        var entries: [OrderedObject.Entry] = []
        for parameter in operation.parameters {
            guard let raw = values["param_" + parameter.name], !raw.isEmpty else { continue }
            let types = parameter.schema?.types ?? []
            let typed = types.contains { $0 != .string } ? (try? JSONReader().read(Array(raw.utf8))) : nil
            entries.append(OrderedObject.Entry(key: parameter.name, value: typed ?? .string(raw)))
        }
        if let body = values["body"], body.hasVisibleText {
            // Text that is not JSON goes as a string: the executor then says what the body must be.
            entries.append(OrderedObject.Entry(key: "body", value: (try? JSONReader().read(Array(body.utf8))) ?? .string(body)))
        }
        return OrderedObject(entries)
    }
}

/// What a test run shows: status, time, headers and body (already redacted by the executor),
/// or why there was no answer.
struct TestResultView {
    let outcome: ActionOutcome

    init(_ outcome: ActionOutcome) { self.outcome = outcome }

    var templateValue: TemplateValue {
        switch outcome {
        case .completed(let result):
            return [
                "completed": .bool(true), "status": .int(result.status), "reason": .string(result.reason),
                "ok": .bool(result.isSuccess), "milliseconds": .int(result.durationMilliseconds),
                "headers": .list(result.headers.map { ["name": .string($0.name), "value": .string($0.value)] }),
                "body": .string(result.bodyText), "note": result.note.map { .string($0) } ?? .null,
            ]
        case .needsConnection(_, let name):
            return ["message": .string("\(name) has no company connection yet: save its credentials first.")]
        case .invalidArguments(let problems):
            return ["message": .string("The parameters do not fit the action:"), "problems": .list(problems.map { .string($0.description) })]
        case .failed(let reason):
            return ["message": .string(reason)]
        }
    }
}
