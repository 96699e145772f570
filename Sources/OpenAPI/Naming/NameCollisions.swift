/// The indices of a list of names, by name in lowercase, to find the names that are equal but
/// for case as they change: the whole list is read once, then only renamed entries are moved.
struct NameCollisions {
    private var holders: [String: [Int]] = [:]
    /// The lowercase names renamed since the last `groups()`; `nil` for all of them (at first).
    private var changed: Set<String>?

    init(_ names: [String]) {
        holders.reserveCapacity(names.count)
        for (index, name) in names.enumerated() { holders[LetterCase.lowercased(name), default: []].append(index) }
    }

    /// Records that the name at `index` changed from `old` to `new`.
    mutating func rename(_ index: Int, from old: String, to new: String) {
        let oldKey = LetterCase.lowercased(old)
        let newKey = LetterCase.lowercased(new)
        if let position = holders[oldKey]?.firstIndex(of: index) { holders[oldKey]?.remove(at: position) }
        holders[newKey, default: []].append(index)
        changed?.insert(newKey)
    }

    /// The indices of names equal but for case, in groups of two or more, each in ascending
    /// order, among the names renamed since the last call (every name, the first time).
    ///
    /// A group whose names have not changed since they were last asked about is not returned
    /// again: the caller renames every member of the groups it is given.
    mutating func groups() -> [[Int]] {
        defer { changed = [] }
        guard let changed else { return holders.values.filter { $0.count > 1 } }
        return changed.compactMap { key in
            guard let indices = holders[key], indices.count > 1 else { return nil }
            return indices.sorted()
        }
    }
}
