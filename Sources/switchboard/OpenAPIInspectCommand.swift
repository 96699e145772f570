import Core
import Foundation
import HTTPCore
import OpenAPI

/// `switchboard openapi inspect FILE|URL [--json]`: imports a schema and prints its base URL,
/// security schemes, warnings and every action (name, read/write, method, path, parameters).
///
/// `arguments` are those after `openapi inspect`. The report goes to stdout, errors to stderr.
/// Returns 0 on success, 1 when the input is unusable (the reason on stderr), 2 on a usage error.
/// URLs are fetched through the egress-guarded HTTP client (`--egress-allow LIST` or
/// `SWITCHBOARD_EGRESS_ALLOW` opens private hosts, as for `serve`), with their relative `$ref`s.
func runOpenAPIInspect(_ arguments: [String]) -> Int32 {
    var asJSON = false
    var inputs: [String] = []
    var allowList = ProcessInfo.processInfo.environment["SWITCHBOARD_EGRESS_ALLOW"] ?? ""
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
        if argument == "--json" {
            asJSON = true
        } else if argument == "--egress-allow", let value = remaining.popFirst() {
            allowList = value
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
    let isURL = lowercased.hasPrefix("http://") || lowercased.hasPrefix("https://")
    let loader: any SchemaLoader
    let location: String
    if isURL {
        do {
            var configuration = HTTPClientConfiguration()
            configuration.egressPolicy = try EgressPolicy(allowList: allowList)
            loader = HTTPSchemaLoader(client: try HTTPClient(configuration: configuration))
        } catch {
            return inspectUsageError("--egress-allow: \(error)")
        }
        location = input
    } else {
        // The admin runs the command on their own files: a multi-file schema may reach a parent folder.
        loader = FileSystemSchemaLoader(allowedDirectory: "/")
        location = URL(fileURLWithPath: input).standardizedFileURL.path
    }
    let outcome: InspectOutcome
    do throws(SchemaLoadError) {
        let bytes = try loader.load(location)
        outcome = .imported(OpenAPIImporter().import(data: bytes, sourceURL: location, loader: loader))
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
