// Renders the shared benchmark page N times into one reused buffer and prints µs per render;
// with --views, also times loading (parsing and checking) every template of a views folder.
//
//   TemplateBench [--iterations N] [--template page.mustache] [--data page.json] [--views DIR] [--print]
import Foundation
import Templates

struct Options {
    var iterations = 20_000
    var template = "../shared/bench/templates/page.mustache"
    var data = "../shared/bench/templates/page.json"
    var views: String?
    var printsOutput = false

    init(_ arguments: [String]) throws {
        var remaining = arguments.dropFirst().makeIterator()
        while let argument = remaining.next() {
            switch argument {
            case "--print": printsOutput = true
            case "--iterations": iterations = Int(remaining.next() ?? "") ?? iterations
            case "--template": template = remaining.next() ?? template
            case "--data": data = remaining.next() ?? data
            case "--views": views = remaining.next()
            default: throw UsageError(argument: argument)
            }
        }
    }
}

struct UsageError: Error, CustomStringConvertible {
    var argument: String
    var description: String {
        "unknown argument \(argument); usage: TemplateBench [--iterations N] [--template FILE] [--data FILE] [--views DIR] [--print]"
    }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

/// CPU time this process has used, in milliseconds: steadier than wall time on a shared machine.
func processCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

do {
    let options = try Options(CommandLine.arguments)
    let template = try Template(String(contentsOfFile: options.template, encoding: .utf8), fileName: options.template)
    let data = try JSONDecoder().decode(TemplateValue.self, from: Data(contentsOf: URL(fileURLWithPath: options.data)))
    var buffer: [UInt8] = []
    buffer.reserveCapacity(16 * 1024)
    if options.printsOutput {
        try template.render(data, into: &buffer)
        print(String(decoding: buffer, as: UTF8.self), terminator: "")
        exit(0)
    }
    let clock = ContinuousClock()
    for _ in 0..<min(1_000, options.iterations) {
        buffer.removeAll(keepingCapacity: true)
        try template.render(data, into: &buffer)
    }
    let start = clock.now
    let cpuStart = processCPUMilliseconds()
    for _ in 0..<options.iterations {
        buffer.removeAll(keepingCapacity: true)
        try template.render(data, into: &buffer)
    }
    let cpu = (processCPUMilliseconds() - cpuStart) * 1e3 / Double(options.iterations)
    let wall = milliseconds(clock.now - start) * 1e3 / Double(options.iterations)
    print(
        String(
            format: "swift render: %.2f µs CPU, %.2f µs wall per render (%d renders, %d bytes each)", cpu, wall,
            options.iterations, buffer.count))

    if let views = options.views {
        let url = URL(fileURLWithPath: views)
        let rounds = 20
        var count = 0
        let loadStart = clock.now
        for _ in 0..<rounds { count = try TemplateLibrary(directory: url).names.count }
        let perLoad = milliseconds(clock.now - loadStart) / Double(rounds)
        print(String(format: "swift views: %.3f ms to load and check %d templates of %@", perLoad, count, views))
    }
} catch {
    FileHandle.standardError.write(Data("TemplateBench: \(error)\n".utf8))
    exit(1)
}
