import Foundation
import HTTPCore

/// The ``TokenProvider`` that refreshes: the stored access token while it is valid for more
/// than a minute, else a new one from the refresh token (RFC 6749 §6), and a new one on demand
/// after a 401. For a Global integration using the client-credentials grant there is no refresh
/// token and nobody to connect: a new token is fetched with the client's credentials (RFC 6749
/// §4.4) whenever none is stored or the stored one is expiring or refused (see
/// `RefreshingTokenProvider+ClientCredentials.swift`).
///
/// One refresh at a time per credential: threads of this process take the credential's lock in
/// ``RefreshLocks``, and processes sharing the database commit with the version they read
/// (``CredentialStore/saveOAuthTokens(integrationID:userID:tokens:expectedVersion:by:)``);
/// whoever loses re-reads and uses the winner's token. A rotated refresh token replaces the old
/// one. A refused refresh (`invalid_grant`: revoked, expired) marks the connection as needing
/// reconnection and answers nil, so the executor asks the user to connect again; when the
/// provider cannot be reached the connection is left as it is, a token that has not expired
/// yet is still used, and otherwise the ``TokenEndpointError`` is thrown.
///
/// ```swift
/// let tokens = RefreshingTokenProvider(credentials: credentials, client: client)
/// let executor = ActionExecutor(database: db, companyID: company.id, vault: vault, client: client, tokenProvider: tokens)
/// ```
public struct RefreshingTokenProvider: TokenProvider {
    /// Where the tokens are; its clock says what "expires" means.
    public let credentials: CredentialStore
    /// Sends the refresh requests.
    public let client: any HTTPSending
    /// The per-credential locks of this process.
    public let locks: RefreshLocks

    /// A token expiring sooner than this is refreshed before use.
    public static let refreshMargin: TimeInterval = 60

    /// Creates a provider over a company's credential store.
    public init(credentials: CredentialStore, client: any HTTPSending, locks: RefreshLocks = .shared) {
        self.credentials = credentials
        self.client = client
        self.locks = locks
    }

    /// A usable access token, refreshing first when the stored one is about to expire or when
    /// `forceRefresh` (the API said 401); nil when there is no usable connection.
    public func accessToken(for request: AccessTokenRequest, forceRefresh: Bool) throws -> String? {
        let fetchesItself = request.settings.grant == .clientCredentials && request.userID == nil
        let seen = try stored(request)
        if let seen, !forceRefresh, isFresh(seen.tokens) { return seen.tokens.accessToken }
        guard seen != nil || fetchesItself else { return nil }
        if fetchesItself, try isRejectedClient(request) { return nil }
        let key = [credentials.companyID, request.integrationID, request.userID ?? ""].joined(separator: "/")
        return try locks.withLock(key) {
            let current = try stored(request)
            // Another thread got a token while this one waited (or the stored one is still fresh):
            // that token is the answer.
            if let current, isFresh(current.tokens), !forceRefresh || current.version != seen?.version {
                return current.tokens.accessToken
            }
            if fetchesItself { return try fetchWithClientCredentials(request, replacing: current, forced: forceRefresh) }
            guard let current else { return nil }
            return try refresh(request, from: current, forced: forceRefresh)
        }
    }

    /// Refreshes `current` and commits it if no other process did first.
    private func refresh(_ request: AccessTokenRequest, from current: StoredOAuthTokens, forced: Bool) throws -> String? {
        let clientSecret = try credentials.database.read { conn in
            try OAuthIntegration.load(conn, companyID: credentials.companyID, integrationID: request.integrationID, vault: credentials.vault)
                .clientSecret
        }
        let endpoint = TokenEndpoint(client: client, settings: request.settings, clientSecret: clientSecret, clock: credentials.clock)
        let fresh: OAuthTokens
        switch Result(catching: { () throws(TokenEndpointError) -> OAuthTokens in try endpoint.refresh(current.tokens) }) {
        case .success(let tokens): fresh = tokens
        case .failure(let error) where error.meansReconnection:
            // With rotation, a refresh racing another process's loses with invalid_grant, possibly
            // before the winner has saved what it got: give the winner a moment to save, and
            // condemn the connection only if nobody saved new tokens meanwhile.
            if let newer = try waitForNewerTokens(request, than: current.version) { return newer }
            let marked = try credentials.markNeedsReconnection(
                integrationID: request.integrationID, userID: request.userID, expectedVersion: current.version, by: .system)
            return marked ? nil : try winner(request)
        case .failure(let error):
            // The provider is unreachable or confused: a token that has not expired yet still
            // serves, unless the API already refused it.
            if !forced, let expiresAt = current.tokens.expiresAt, expiresAt > credentials.clock.now() {
                return current.tokens.accessToken
            }
            throw error
        }
        do {
            try credentials.saveOAuthTokens(
                integrationID: request.integrationID, userID: request.userID, tokens: fresh, expectedVersion: current.version, by: .system)
            return fresh.accessToken
        } catch let error as DomainError where error.code == .conflict {
            return try winner(request)
        }
    }

    /// The tokens another refresh saved, when usable: polls for tokens newer than `version`
    /// for up to `raceGrace` seconds.
    private func waitForNewerTokens(_ request: AccessTokenRequest, than version: Int) throws -> String? {
        let deadline = ContinuousClock.now + .milliseconds(Int(Self.raceGrace * 1000))
        while ContinuousClock.now < deadline {
            if let stored = try credentials.oauthTokens(integrationID: request.integrationID, userID: request.userID), stored.version != version {
                return stored.needsReconnection ? nil : stored.tokens.accessToken
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// How long a refused refresh waits for a concurrent winner's save (about one token round trip).
    static let raceGrace = 2.0

    /// The token another refresh or fetch saved, if any.
    func winner(_ request: AccessTokenRequest) throws -> String? {
        try stored(request)?.tokens.accessToken
    }

    /// The stored tokens unless the connection needs reconnecting.
    func stored(_ request: AccessTokenRequest) throws -> StoredOAuthTokens? {
        guard let stored = try credentials.oauthTokens(integrationID: request.integrationID, userID: request.userID),
            !stored.needsReconnection
        else { return nil }
        return stored
    }

    /// Whether the token stays valid beyond the refresh margin (one without expiry always does).
    func isFresh(_ tokens: OAuthTokens) -> Bool {
        guard let expiresAt = tokens.expiresAt else { return true }
        return expiresAt.timeIntervalSince(credentials.clock.now()) > Self.refreshMargin
    }
}
