// Imports OpenAPI documents the way the server will (read, validate, resolve, translate, name)
// and reports the best of N wall-clock times and the process's peak memory.
//   OpenAPIBench [--runs N] FILE...
// Output, one line per file: name, bytes, operations, best and median milliseconds, then peak
// resident memory (VmHWM from /proc/self/status) before and after, in MB.
import Foundation
import OpenAPI

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
var files: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--runs", let value = arguments.popFirst().flatMap({ Int($0) }) {
        runs = max(1, value)
    } else {
        files.append(argument)
    }
}

let clock = ContinuousClock()
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
