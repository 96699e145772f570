/// Where endpoints sit in ``DraftAPI/endpoints``, looked up by method and path shape, so adding
/// an endpoint costs the same on a page with two endpoints as on one with two thousand.
///
/// Besides its own shape (`GET /repos/{}/{}`), each endpoint is filed under the shapes it would
/// have with some of its literal segments made placeholders (`GET /repos/{}/hello`, …), which
/// finds the template a curl example's real URL belongs to, and the examples a template covers.
/// Entries may be stale after an endpoint's path changes: callers check what they find.
struct EndpointPositions {
    private var byShape: [String: [Int]] = [:]
    private var byGeneralizedShape: [String: [Int]] = [:]

    /// How many trailing literal segments are generalized: 2^6 shapes per endpoint at most.
    static let maximumGeneralizedSegments = 6

    /// Files `endpoint`, found at `index`.
    mutating func record(_ endpoint: DraftEndpoint, at index: Int) {
        byShape[Self.key(endpoint.method, PathTemplate.shape(endpoint.path)), default: []].append(index)
        for shape in Self.generalizations(of: endpoint.path) {
            byGeneralizedShape[Self.key(endpoint.method, shape), default: []].append(index)
        }
    }

    /// Positions of endpoints that had the same method and shape as `endpoint` when filed.
    func sameShape(as endpoint: DraftEndpoint) -> [Int] {
        byShape[Self.key(endpoint.method, PathTemplate.shape(endpoint.path))] ?? []
    }

    /// Positions of endpoints whose shape `endpoint` generalizes to: templates it may be an example of.
    func possibleTemplates(of endpoint: DraftEndpoint) -> [Int] {
        Self.generalizations(of: endpoint.path).flatMap { byShape[Self.key(endpoint.method, $0)] ?? [] }
    }

    /// Positions of endpoints that generalize to `endpoint`'s shape: examples it may be the template of.
    func possibleInstances(of endpoint: DraftEndpoint) -> [Int] {
        byGeneralizedShape[Self.key(endpoint.method, PathTemplate.shape(endpoint.path))] ?? []
    }

    private static func key(_ method: String, _ shape: String) -> String {
        method + " " + shape
    }

    /// The shapes of `path` with each non-empty set of its last literal segments made `{}`.
    private static func generalizations(of path: String) -> [String] {
        let segments = PathTemplate.shape(path).split(separator: "/").map(String.init)
        let literalPositions = Array(segments.indices.filter { segments[$0] != "{}" }.suffix(maximumGeneralizedSegments))
        guard !literalPositions.isEmpty else { return [] }
        var shapes: [String] = []
        for mask in 1..<(1 << literalPositions.count) {
            var generalized = segments
            for (bit, position) in literalPositions.enumerated() where mask & (1 << bit) != 0 { generalized[position] = "{}" }
            shapes.append("/" + generalized.joined(separator: "/"))
        }
        return shapes
    }
}
