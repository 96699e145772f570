import Cryptography
import Synchronization

/// The master keys this process can use: one current key that seals, and older keys that can
/// still open what they sealed (kept only until a rotation has re-encrypted everything).
///
/// Shared by the vault and key rotation, so a rotation running in this process makes the new key
/// readable before its transaction commits and retires the old one only after.
public final class KeyRing: Sendable {
    private struct State {
        var current: SymmetricKey
        var keys: [KeyID: SymmetricKey]
    }

    /// The current key and every readable key; `state`'s mutex guards both.
    private let state: Mutex<State>

    /// Creates a ring that seals with `current` and can also open what `previous` keys sealed.
    public init(current: SymmetricKey, previous: [SymmetricKey] = []) {
        var keys: [KeyID: SymmetricKey] = [:]
        for key in previous { keys[key.id] = key }
        keys[current.id] = current
        state = Mutex(State(current: current, keys: keys))
    }

    /// The key new secrets are sealed with.
    public var current: SymmetricKey { state.withLock { $0.current } }

    /// Every key the ring can open with, the current one first.
    public var keys: [SymmetricKey] {
        state.withLock { state in
            [state.current] + state.keys.values.filter { $0.id != state.current.id }.sorted { $0.id.description < $1.id.description }
        }
    }

    /// The key with this id, if the ring holds it.
    public func key(for id: KeyID) -> SymmetricKey? {
        state.withLock { $0.keys[id] }
    }

    /// Makes `key` the current key; the previous current key stays readable.
    public func install(_ key: SymmetricKey) {
        state.withLock { state in
            state.keys[key.id] = key
            state.current = key
        }
    }

    /// Forgets every key but the current one, once nothing is sealed with them any more.
    public func retireAllButCurrent() {
        state.withLock { state in
            state.keys = [state.current.id: state.current]
        }
    }
}
