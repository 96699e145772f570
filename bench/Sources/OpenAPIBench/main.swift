// Imports OpenAPI documents the way the server will (read, validate, resolve, translate, name)
// and reports the best of N wall-clock times and the process's peak memory.
//   OpenAPIBench [--runs N] [--stages] FILE...
// Output, one line per file: name, bytes, operations, best and median milliseconds, then peak
// resident memory (VmHWM from /proc/self/status) before and after, in MB.
// With --stages, instead: best milliseconds of reading alone (JSON or YAML into a value), of
// naming alone, and of the whole import, to see which stage to work on.
// With --dump DIR, instead: writes each import's document and diagnostics as JSON to DIR, so a
// speed change can be checked to import every corpus document exactly as before (diff -r).
import Foundation
import OpenAPI
import YAML

func peakResidentKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

var runs = 5
var stages = false
var dumpDirectory: String?
var files: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--runs", let value = arguments.popFirst().flatMap({ Int($0) }) {
        runs = max(1, value)
    } else if argument == "--stages" {
        stages = true
    } else if argument == "--dump", let directory = arguments.popFirst() {
        dumpDirectory = directory
    } else {
        files.append(argument)
    }
}

let clock = ContinuousClock()

/// The best of `runs` timings of `work`, in milliseconds.
@MainActor func best(_ work: () -> Void) -> Double {
    var fastest = Double.infinity
    for _ in 0..<runs {
        let start = clock.now
        work()
        fastest = min(fastest, milliseconds(clock.now - start))
    }
    return fastest
}

/// What `--dump` writes: everything an import gives.
struct Dump: Encodable {
    var document: APIDocument?
    var failure: String?
    var diagnostics: [Diagnostic]
}

if let dumpDirectory {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    for file in files {
        guard let bytes = FileManager.default.contents(atPath: file).map({ [UInt8]($0) }) else { exit(1) }
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
        let result = OpenAPIImporter().import(data: bytes, sourceURL: file, loader: FileSystemSchemaLoader(allowedDirectory: directory))
        let dump = Dump(document: result.document, failure: result.failure.map { "\($0)" }, diagnostics: result.diagnostics)
        let name = URL(fileURLWithPath: file).lastPathComponent
        try encoder.encode(dump).write(to: URL(fileURLWithPath: dumpDirectory).appendingPathComponent(name + ".dump.json"))
    }
    exit(0)
}

if stages {
    print("file\tread_ms\tname_ms\timport_ms\trest_ms")
    for file in files {
        guard let bytes = FileManager.default.contents(atPath: file).map({ [UInt8]($0) }) else { exit(1) }
        let isJSON = file.hasSuffix(".json")
        let read = best {
            _ = isJSON ? try? JSONReader().read(bytes) : try? YAMLReader().readDocuments(bytes).first
        }
        let imported = OpenAPIImporter().import(data: bytes, sourceURL: file, loader: nil)
        let operations = imported.document?.operations ?? []
        let name = best {
            var copy = operations
            ActionNamer().assignNames(to: &copy)
        }
        let whole = best { _ = OpenAPIImporter().import(data: bytes, sourceURL: file, loader: nil) }
        let name0 = URL(fileURLWithPath: file).lastPathComponent
        print(String(format: "%@\t%.2f\t%.2f\t%.2f\t%.2f", name0, read, name, whole, whole - read - name))
    }
    exit(0)
}

print("file\tbytes\toperations\tbest_ms\tmedian_ms\tpeak_before_mb\tpeak_after_mb")
for file in files {
    // The file's bytes once, as the importer receives them (no second copy alive in Data).
    guard let bytes = FileManager.default.contents(atPath: file).map({ [UInt8]($0) }) else {
        FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
        exit(1)
    }
    let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
    let loader = FileSystemSchemaLoader(allowedDirectory: directory)
    let peakBefore = peakResidentKilobytes()
    var times: [Double] = []
    var operations = 0
    for _ in 0..<runs {
        let start = clock.now
        let result = OpenAPIImporter().import(data: bytes, sourceURL: file, loader: loader)
        times.append(milliseconds(clock.now - start))
        operations = result.document?.operations.count ?? -1
    }
    times.sort()
    let name = URL(fileURLWithPath: file).lastPathComponent
    let peakAfter = peakResidentKilobytes()
    print(
        "\(name)\t\(bytes.count)\t\(operations)\t\(String(format: "%.1f", times[0]))\t\(String(format: "%.1f", times[times.count / 2]))\t"
            + "\(String(format: "%.1f", Double(peakBefore) / 1024))\t\(String(format: "%.1f", Double(peakAfter) / 1024))")
}
