import Foundation
import YAML
func stageTimes(_ file: String) {
    let bytes = [UInt8](FileManager.default.contents(atPath: file)!)
    let clock = ContinuousClock()
    for _ in 0..<3 {
        let start = clock.now
        if file.hasSuffix(".json") { _ = try! JSONReader().read(bytes) } else { _ = try! YAMLReader().readDocuments(bytes) }
        print("parse only", clock.now - start)
    }
}
