import Foundation
import YAML

/// The load stage: follows references to other files, transitively, through a `SchemaLoader`.
///
/// Each file is fetched once; a file that cannot be fetched or read gives one warning at the
/// first reference to it, and the references into it are reported again when resolved.
struct ExternalDocumentLoader {
    let loader: (any SchemaLoader)?
    let maximumDocuments = 200

    /// Whether the text may hold a `$ref` to another file: a `$ref` whose value does not start
    /// with "#". A byte scan, much cheaper than walking the parsed tree; false means none.
    static func mayReferenceOtherFiles(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let count = buffer.count
            var index = 0
            while index + 4 < count {
                // The C library's memchr finds the next "$" many bytes at a time.
                guard let found = memchr(base + index, Int32(UInt8(ascii: "$")), count - index) else { return false }
                index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                guard index + 4 < count else { return false }
                guard buffer[index] == UInt8(ascii: "$"), buffer[index + 1] == UInt8(ascii: "r"),
                    buffer[index + 2] == UInt8(ascii: "e"), buffer[index + 3] == UInt8(ascii: "f")
                else {
                    index += 1
                    continue
                }
                var next = index + 4
                // Skip the closing quote of the key, the colon, spaces and the value's opening quote.
                while next < count {
                    let byte = buffer[next]
                    guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ":") || byte == 0x20
                        || byte == 0x09
                    else { break }
                    next += 1
                }
                if next < count, buffer[next] != UInt8(ascii: "#") { return true }
                index = next
            }
            return false
        }
    }

    func loadReferencedDocuments(into set: inout DocumentSet, diagnostics: inout [Diagnostic]) {
        var pending: [String] = [""]
        var failed = Set<String>()
        while let documentKey = pending.popLast() {
            guard let document = set.documents[documentKey] else { continue }
            var references: [(reference: String, location: Location)] = []
            Self.collectExternalReferences(in: document, at: Location(document: documentKey, pointer: ""), into: &references)
            for (reference, location) in references {
                guard case .location(let target) = set.document(of: URIReference(reference), from: documentKey),
                    !target.document.isEmpty, set.documents[target.document] == nil, !failed.contains(target.document)
                else { continue }
                guard let loader else {
                    failed.insert(target.document)
                    diagnostics.append(
                        Diagnostic(.warning, "\"\(reference)\" points into another file and no loader was given", pointer: location.diagnosticPointer))
                    continue
                }
                guard set.documents.count < maximumDocuments else {
                    failed.insert(target.document)
                    diagnostics.append(
                        Diagnostic(.warning, "more than \(maximumDocuments) files referenced; \(target.document) not loaded", pointer: location.diagnosticPointer))
                    continue
                }
                switch Self.fetch(target.document, with: loader) {
                case .success(let value):
                    set.documents[target.document] = value
                    pending.append(target.document)
                case .failure(let reason):
                    failed.insert(target.document)
                    diagnostics.append(Diagnostic(.warning, "cannot load \(target.document): \(reason)", pointer: location.diagnosticPointer))
                }
            }
        }
    }

    private enum Fetched {
        case success(OrderedValue)
        case failure(String)
    }

    private static func fetch(_ location: String, with loader: any SchemaLoader) -> Fetched {
        let bytes: [UInt8]
        do throws(SchemaLoadError) {
            bytes = try loader.load(location)
        } catch {
            return .failure(error.message)
        }
        do throws(ImportError) {
            return .success(try DocumentReader().read(bytes, location: location).value)
        } catch {
            return .failure(error.description)
        }
    }

    /// Collects every `$ref` whose value names another file (text before any "#"). The path is
    /// kept as a stack of steps and only rendered for the references found.
    private static func collectExternalReferences(
        in value: OrderedValue, at location: Location, into references: inout [(reference: String, location: Location)]
    ) {
        var path: [PathStep] = []
        collect(in: value, path: &path, document: location.document, into: &references)
    }

    private enum PathStep {
        case key(String)
        case index(Int)
    }

    private static func collect(
        in value: OrderedValue, path: inout [PathStep], document: String,
        into references: inout [(reference: String, location: Location)]
    ) {
        switch value {
        case .object(let object):
            for entry in object.entries {
                switch entry.value {
                case .string(let reference) where entry.key == "$ref":
                    if !reference.hasPrefix("#") { references.append((reference, render(path, document: document))) }
                case .object, .array:
                    path.append(.key(entry.key))
                    collect(in: entry.value, path: &path, document: document, into: &references)
                    path.removeLast()
                default:
                    break
                }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                switch element {
                case .object, .array:
                    path.append(.index(index))
                    collect(in: element, path: &path, document: document, into: &references)
                    path.removeLast()
                default:
                    break
                }
            }
        default:
            break
        }
    }

    private static func render(_ path: [PathStep], document: String) -> Location {
        var location = Location(document: document, pointer: "")
        for step in path {
            switch step {
            case .key(let key): location = location.appending(key)
            case .index(let index): location = location.appending(index)
            }
        }
        return location
    }
}
