/// What changed between two imports of the same API.
///
/// Operations are matched by `OperationIdentity.key` first, then, among those left over, by
/// `operationID`; a matched pair whose content differs (ignoring the generated name) is changed.
///
/// ```swift
/// let diff = ImportDiff(old: previous.operations, new: fresh.operations)
/// for pair in diff.changed { keepName(pair.old.name, for: pair.new) }
/// ```
public struct ImportDiff: Sendable, Hashable {
    /// An operation in both imports.
    public struct Pair: Sendable, Hashable {
        /// The operation as previously imported.
        public var old: APIOperation
        /// The operation as now imported.
        public var new: APIOperation
    }

    /// Operations only in the new import.
    public var added: [APIOperation]
    /// Operations only in the old import.
    public var removed: [APIOperation]
    /// Operations in both whose content differs.
    public var changed: [Pair]
    /// Operations in both with the same content.
    public var unchanged: [Pair]

    /// Whether the two imports describe the same operations.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Compares two imports' operations.
    public init(old: [APIOperation], new: [APIOperation]) {
        added = []
        removed = []
        changed = []
        unchanged = []
        var oldByKey: [String: Int] = [:]
        for (position, operation) in old.enumerated() where oldByKey[operation.identity.key] == nil {
            oldByKey[operation.identity.key] = position
        }
        var matchedOld = Set<Int>()
        var unmatchedNew: [APIOperation] = []
        for operation in new {
            if let position = oldByKey[operation.identity.key], !matchedOld.contains(position) {
                matchedOld.insert(position)
                record(old: old[position], new: operation)
            } else {
                unmatchedNew.append(operation)
            }
        }
        var oldByOperationID: [String: Int] = [:]
        for (position, operation) in old.enumerated() where !matchedOld.contains(position) {
            if let operationID = operation.operationID, oldByOperationID[operationID] == nil {
                oldByOperationID[operationID] = position
            }
        }
        for operation in unmatchedNew {
            if let operationID = operation.operationID, let position = oldByOperationID[operationID],
                !matchedOld.contains(position)
            {
                matchedOld.insert(position)
                record(old: old[position], new: operation)
            } else {
                added.append(operation)
            }
        }
        for (position, operation) in old.enumerated() where !matchedOld.contains(position) {
            removed.append(operation)
        }
    }

    private mutating func record(old: APIOperation, new: APIOperation) {
        var comparable = new
        comparable.name = old.name
        if comparable == old {
            unchanged.append(Pair(old: old, new: new))
        } else {
            changed.append(Pair(old: old, new: new))
        }
    }
}
