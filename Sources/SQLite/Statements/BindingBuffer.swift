/// Scratch memory holding copies of the text and blob values bound to the statement being run.
///
/// Binding with `SQLITE_TRANSIENT` makes SQLite allocate and free a copy of every text and blob
/// value; binding from this buffer with `SQLITE_STATIC` reuses one allocation per connection.
/// That is safe because a connection runs one statement at a time and resets it (clearing the
/// bindings) before its `execute`/`query` call returns, so nothing points into the buffer when
/// the next call overwrites it. Owned by one ``Connection``; never shared.
final class BindingBuffer {
    private var storage: UnsafeMutableRawBufferPointer

    init(initialCapacity: Int = 4_096) {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: initialCapacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Makes room for `byteCount` bytes, discarding what the buffer held, and returns its start.
    func reserve(_ byteCount: Int) -> UnsafeMutableRawPointer {
        if byteCount > storage.count {
            storage.deallocate()
            storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(byteCount, storage.count * 2), alignment: 16)
        }
        // A buffer always has an address: it is allocated with a positive size.
        return storage.baseAddress ?? UnsafeMutableRawPointer(bitPattern: 16).unsafelyUnwrapped
    }
}
