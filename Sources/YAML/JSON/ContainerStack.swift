/// A stack the JSON parser collects an open object's entries or array's elements on, moved out
/// into an exact-size array when the container closes.
///
/// Appending to a fresh array per container reallocates it at every doubling (1, 2, 4, 8
/// entries…), and large documents hold tens of thousands of small containers: this way each
/// container costs one allocation. Nested containers push above their parent's elements and are
/// popped before the parent continues, so one stack serves the whole document.
struct ContainerStack<Element>: ~Copyable {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// How many elements are on the stack.
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 1)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// Moves the elements from position `start` to the top into a new array, leaving `start` elements.
    mutating func popArray(from start: Int) -> [Element] {
        // `reserveCapacity` and `append` are specialised for `Element` here; the
        // `Array(unsafeUninitializedCapacity:)` path looks the storage type up at run time on
        // every call, which cost more than the copy it saves.
        var array: [Element] = []
        array.reserveCapacity(count - start)
        for position in start..<count { array.append((storage + position).move()) }
        count = start
        return array
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
