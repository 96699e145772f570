/// Expands references into a self-contained schema, for the schemas an action's arguments follow.
///
/// A reference is kept (not expanded) when it is a cycle (its target is being expanded above
/// it) or once `maximumNodes` nodes have been produced, so hostile or huge schemas stay bounded.
/// `allOf` members that are plain object schemas are merged into one object schema (properties
/// in order, later members overriding earlier ones, required names united); anything else keeps
/// its `allOf`.
public struct SchemaInliner: Sendable {
    /// The referenced schemas, as in `APIDocument.schemas`.
    public let schemas: [String: Schema]
    /// The most nodes one call to `inline(_:)` produces before references stay references.
    public let maximumNodes: Int

    /// Creates an inliner over a document's schema table.
    public init(schemas: [String: Schema], maximumNodes: Int = 2_000) {
        self.schemas = schemas
        self.maximumNodes = maximumNodes
    }

    /// The schema with references expanded and `allOf` merged where possible.
    public func inline(_ schema: Schema) -> Schema {
        inline(schema, cache: Cache())
    }

    /// Expansions of references that did not depend on what was being expanded around them
    /// (nothing cut for a cycle or the budget), reused so equal subtrees share storage.
    final class Cache {
        var expansions: [String: (schema: Schema, nodes: Int)] = [:]
    }

    func inline(_ schema: Schema, cache: Cache) -> Schema {
        var state = State(remaining: maximumNodes)
        return inline(schema, state: &state, cache: cache)
    }

    private struct State {
        var remaining: Int
        /// The references being expanded, each with whether something inside it was cut.
        var expanding: [(key: String, cut: Bool)] = []

        /// A reference kept as a reference makes the expansions that depend on it uncacheable:
        /// for a cycle back to the frame at `position`, the frames above it (the frame itself is
        /// fine, a reference to itself is valid anywhere); for the budget, every frame.
        mutating func markCut(above position: Int) {
            for index in expanding.indices where index > position { expanding[index].cut = true }
        }
    }

    private func inline(_ schema: Schema, state: inout State, cache: Cache) -> Schema {
        if let key = schema.reference {
            if let cached = cache.expansions[key], cached.nodes <= state.remaining {
                state.remaining -= cached.nodes
                return cached.schema
            }
            if let position = state.expanding.firstIndex(where: { $0.key == key }) {
                state.markCut(above: position)
                return schema
            }
            guard state.remaining > 0, let target = schemas[key] else {
                state.markCut(above: -1)
                return schema
            }
            state.expanding.append((key, false))
            let before = state.remaining
            let expanded = inline(target, state: &state, cache: cache)
            if let frame = state.expanding.popLast(), !frame.cut {
                cache.expansions[key] = (expanded, before - state.remaining)
            }
            return expanded
        }
        state.remaining -= 1
        // Most nodes have nothing to expand below them: a node is copied only when a child changed.
        var result = schema
        for (index, property) in schema.properties.enumerated() {
            let inlined = inline(property.schema, state: &state, cache: cache)
            if !inlined.isIdentical(to: property.schema) { result.properties[index].schema = inlined }
        }
        if let items = schema.items {
            let inlined = inline(items, state: &state, cache: cache)
            if !inlined.isIdentical(to: items) { result.items = inlined }
        }
        if let additional = schema.additionalProperties {
            let inlined = inline(additional, state: &state, cache: cache)
            if !inlined.isIdentical(to: additional) { result.additionalProperties = inlined }
        }
        inlineEach(\.oneOf, of: &result, state: &state, cache: cache)
        inlineEach(\.anyOf, of: &result, state: &state, cache: cache)
        if !result.allOf.isEmpty {
            inlineEach(\.allOf, of: &result, state: &state, cache: cache)
            Self.mergeAllOf(into: &result)
        }
        return result
    }

    /// Inlines the members of one list keyword (`oneOf`, `anyOf`, `allOf`), writing the list back only when a member changed.
    private func inlineEach(_ keyword: WritableKeyPath<Schema, [Schema]>, of schema: inout Schema, state: inout State, cache: Cache) {
        let members = schema[keyPath: keyword]
        guard !members.isEmpty else { return }
        let inlined = members.map { inline($0, state: &state, cache: cache) }
        if zip(inlined, members).contains(where: { !$0.isIdentical(to: $1) }) { schema[keyPath: keyword] = inlined }
    }

    private static func mergeAllOf(into schema: inout Schema) {
        let mergeable = schema.allOf.allSatisfy { member in
            member.reference == nil && member.oneOf.isEmpty && member.anyOf.isEmpty && member.allOf.isEmpty
                && member.types.allSatisfy { $0 == .object }
        }
        guard mergeable, schema.types.allSatisfy({ $0 == .object }) else { return }
        let members = schema.allOf
        schema.allOf = []
        for member in members {
            if schema.types.isEmpty { schema.types = member.types }
            schema.title = schema.title ?? member.title
            schema.description = schema.description ?? member.description
            schema.discriminator = schema.discriminator ?? member.discriminator
            if member.isNullable { schema.isNullable = true }
            for property in member.properties {
                if let index = schema.properties.firstIndex(where: { $0.name == property.name }) {
                    schema.properties[index] = property
                } else {
                    schema.properties.append(property)
                }
            }
            for name in member.requiredProperties where !schema.requiredProperties.contains(name) {
                schema.requiredProperties.append(name)
            }
            if schema.additionalProperties == nil { schema.additionalProperties = member.additionalProperties }
            if member.forbidsAdditionalProperties { schema.forbidsAdditionalProperties = true }
        }
    }
}
