import CYAML

/// A problem found while turning events into values; `YAMLReader` adds the position.
struct YAMLBuildProblem: Error {
    var message: String
}

/// Builds `OrderedValue`s from libyaml events with an explicit stack (no recursion on input depth).
struct YAMLValueBuilder {
    private struct Anchored {
        var value: OrderedValue
        var nodeCount: Int
    }

    /// The key read and waiting for its value: an ordinary key, or the merge key `<<`.
    private enum PendingKey {
        case key(String)
        case merge
    }

    private enum Container {
        case sequence([OrderedValue])
        case mapping(entries: [OrderedObject.Entry], pendingKey: PendingKey?, merges: [OrderedObject])
    }

    private struct Frame {
        var container: Container
        var anchor: String?
        var nodeCount = 1
    }

    let maximumAliasExpansion: Int
    let maximumDepth: Int
    private(set) var documents: [OrderedValue] = []
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var expandedNodes = 0
    private var documentRoot: OrderedValue?

    init(maximumAliasExpansion: Int, maximumDepth: Int) {
        self.maximumAliasExpansion = maximumAliasExpansion
        self.maximumDepth = maximumDepth
    }

    /// Handles one event; returns true at the end of the stream.
    mutating func handle(_ event: yaml_event_t) throws(YAMLBuildProblem) -> Bool {
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            // YAML 1.2.2 §9.2: anchors do not carry over from one document to the next.
            anchors.removeAll(keepingCapacity: true)
            documentRoot = nil
        case YAML_DOCUMENT_END_EVENT:
            documents.append(documentRoot ?? .null)
        case YAML_ALIAS_EVENT:
            let name = Self.text(event.data.alias.anchor)
            guard let anchored = anchors[name] else { throw YAMLBuildProblem(message: "unknown alias *\(name)") }
            expandedNodes += anchored.nodeCount
            guard expandedNodes <= maximumAliasExpansion else {
                throw YAMLBuildProblem(message: "aliases expand to more than \(maximumAliasExpansion) nodes")
            }
            try add(anchored.value, nodeCount: anchored.nodeCount, rawKey: nil, isMergeKey: false)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let raw = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            let tag = scalar.tag.map { Self.text($0) }
            let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            let value = try Self.resolveScalar(raw, tag: tag, isPlain: isPlain)
            if let anchor = scalar.anchor { anchors[Self.text(anchor)] = Anchored(value: value, nodeCount: 1) }
            try add(value, nodeCount: 1, rawKey: raw, isMergeKey: isPlain && tag == nil && raw == "<<")
        case YAML_SEQUENCE_START_EVENT:
            try push(.sequence([]), anchor: event.data.sequence_start.anchor.map { Self.text($0) })
        case YAML_MAPPING_START_EVENT:
            try push(.mapping(entries: [], pendingKey: nil, merges: []), anchor: event.data.mapping_start.anchor.map { Self.text($0) })
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { throw YAMLBuildProblem(message: "unbalanced collection end") }
            let value: OrderedValue
            switch frame.container {
            case .sequence(let elements):
                value = .array(elements)
            case .mapping(let entries, _, let merges):
                var object = OrderedObject(entries)
                for source in merges {
                    for entry in source where object[entry.key] == nil { object[entry.key] = entry.value }
                }
                value = .object(object)
            }
            if let anchor = frame.anchor { anchors[anchor] = Anchored(value: value, nodeCount: frame.nodeCount) }
            try add(value, nodeCount: frame.nodeCount, rawKey: nil, isMergeKey: false)
        default:
            break
        }
        return false
    }

    private mutating func push(_ container: Container, anchor: String?) throws(YAMLBuildProblem) {
        guard stack.count < maximumDepth else { throw YAMLBuildProblem(message: "nesting deeper than \(maximumDepth) levels") }
        // A collection used as a mapping key cannot become a JSON-shaped key.
        if let top = stack.last, case .mapping(_, nil, _) = top.container {
            throw YAMLBuildProblem(message: "a mapping key must be a scalar")
        }
        stack.append(Frame(container: container, anchor: anchor))
    }

    /// Adds a finished node to the innermost collection, or makes it the document's root.
    private mutating func add(_ value: OrderedValue, nodeCount: Int, rawKey: String?, isMergeKey: Bool) throws(YAMLBuildProblem) {
        guard var frame = stack.popLast() else {
            documentRoot = value
            return
        }
        frame.nodeCount += nodeCount
        switch frame.container {
        case .sequence(var elements):
            frame.container = .sequence([])
            elements.append(value)
            frame.container = .sequence(elements)
        case .mapping(var entries, let pendingKey, var merges):
            frame.container = .sequence([])
            switch pendingKey {
            case .key(let key):
                entries.append(OrderedObject.Entry(key: key, value: value))
            case .merge:
                guard let sources = Self.mergeSources(value) else {
                    throw YAMLBuildProblem(message: "a merge key needs a mapping or a sequence of mappings")
                }
                merges.append(contentsOf: sources)
            case nil:
                let key: PendingKey
                if isMergeKey {
                    key = .merge
                } else if let rawKey {
                    key = .key(rawKey)
                } else {
                    key = .key(try Self.keyText(value))
                }
                frame.container = .mapping(entries: entries, pendingKey: key, merges: merges)
                stack.append(frame)
                return
            }
            frame.container = .mapping(entries: entries, pendingKey: nil, merges: merges)
        }
        stack.append(frame)
    }
}
