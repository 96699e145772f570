import Foundation
import OpenAPI

/// `switchboard openapi inspect FILE|URL [--json]`: imports a schema and prints its base URL,
/// security schemes, warnings and every action (name, read/write, method, path, parameters).
///
/// `arguments` are those after `openapi inspect`. The report goes to stdout, errors to stderr.
/// Returns 0 on success, 1 when the input is unusable (the reason on stderr), 2 on a usage error.
/// URLs are refused for now: fetching them needs the egress-guarded HTTP client.
func runOpenAPIInspect(_ arguments: [String]) -> Int32 {
    var asJSON = false
    var inputs: [String] = []
    for argument in arguments {
        if argument == "--json" {
            asJSON = true
        } else if argument.hasPrefix("-") && argument != "-" {
            return inspectUsageError("unknown option \(argument)")
        } else {
            inputs.append(argument)
        }
    }
    guard inputs.count == 1, let input = inputs.first else {
        return inspectUsageError(inputs.isEmpty ? "missing FILE or URL" : "give exactly one FILE or URL")
    }
    let lowercased = input.lowercased()
    if lowercased.hasPrefix("http://") || lowercased.hasPrefix("https://") {
        printToStandardError("error: fetching URLs needs the HTTP client (not built yet); download the schema and pass the file")
        return 1
    }
    let path = URL(fileURLWithPath: input).standardizedFileURL.path
    // The admin runs the command on their own files: a multi-file schema may reach a parent folder.
    let loader = FileSystemSchemaLoader(allowedDirectory: "/")
    let outcome: InspectOutcome
    do throws(SchemaLoadError) {
        let bytes = try loader.load(path)
        outcome = .imported(OpenAPIImporter().import(data: bytes, sourceURL: path, loader: loader))
    } catch {
        outcome = .unreadable(error.message)
    }
    switch outcome {
    case .imported(let result):
        guard let document = result.document else {
            printToStandardError("error: \(result.failure.map(String.init(describing:)) ?? "import failed")")
            return 1
        }
        let report = InspectReport(document: document, diagnostics: result.diagnostics)
        if asJSON {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(report) else {
                printToStandardError("error: could not encode the report")
                return 1
            }
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(report.text, terminator: "")
        }
        return 0
    case .unreadable(let reason):
        printToStandardError("error: \(reason)")
        return 1
    }
}

private enum InspectOutcome: Sendable {
    case imported(ImportResult)
    case unreadable(String)
}

private func inspectUsageError(_ message: String) -> Int32 {
    printToStandardError("error: \(message)\nusage: switchboard openapi inspect FILE|URL [--json]")
    return 2
}

private func printToStandardError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
