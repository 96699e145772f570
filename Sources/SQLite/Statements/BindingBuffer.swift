/// Scratch memory holding copies of the text and blob values bound to the statement being run.
///
/// Binding with `SQLITE_TRANSIENT` makes SQLite allocate and free a copy of every text and blob
/// value; binding from this buffer with `SQLITE_STATIC` reuses one allocation per connection.
/// That is safe because a connection runs one statement at a time and resets it (clearing the
/// bindings) before its `execute`/`query` call returns, so nothing points into the buffer when
/// the next call overwrites it. A value that does not fit is bound with `SQLITE_TRANSIENT`
/// instead, and the buffer grows before the next statement (never during one: earlier bindings
/// point into it). Owned by one ``Connection``; never shared.
final class BindingBuffer {
    private var storage: UnsafeMutableRawBufferPointer
    /// The most bytes one statement's values needed, so the buffer can grow to it.
    private var largestNeed = 0

    init(initialCapacity: Int = 4_096) {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: initialCapacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// The memory for the next statement's values, grown first if a previous statement did not fit.
    func start() -> UnsafeMutableRawBufferPointer {
        if largestNeed > storage.count {
            storage.deallocate()
            storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(largestNeed, storage.count * 2), alignment: 16)
        }
        return storage
    }

    /// Records that a statement needed `byteCount` bytes in all.
    func note(need byteCount: Int) {
        largestNeed = max(largestNeed, byteCount)
    }
}
