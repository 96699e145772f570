/// Time limits and thresholds of accounts, with defaults; all in seconds.
public struct AccountPolicy: Sendable, Equatable {
    /// A session unused this long is over.
    public var sessionIdleTimeout: Double = 12 * 3600
    /// A session is over this long after sign-in, however active.
    public var sessionLifetime: Double = 14 * 24 * 3600
    /// `last_seen_at` is written at most this often, so reading pages does not mean writing rows.
    public var sessionTouchInterval: Double = 60
    /// Failed sign-ins on one account before it is locked for a while.
    public var accountFailureLimit = 5
    /// The first lock; each further failure doubles it, up to ``accountMaximumLock``.
    public var accountFirstLock: Double = 30
    public var accountMaximumLock: Double = 15 * 60
    /// Failed sign-ins from one client address within ``addressWindow`` before it is locked.
    public var addressFailureLimit = 20
    public var addressWindow: Double = 15 * 60
    public var addressLock: Double = 5 * 60
    /// How long an invitation link stays valid.
    public var invitationLifetime: Double = 7 * 24 * 3600

    public init() {}
}
