import Foundation

extension RefreshingTokenProvider {
    /// Fetches a token with the client's credentials (RFC 6749 §4.4) and commits it as the
    /// company's connection if no other process saved one since `current` was read (version 0:
    /// nothing was stored); the caller holds the credential's lock.
    ///
    /// A client the provider rejects (`invalid_client`, `unauthorized_client`) marks a stored
    /// connection as needing reconnection, which the integration page and list show the admin;
    /// saving the integration again drops the mark (see ``IntegrationStore``). With no stored
    /// connection there is nothing to mark and the error is thrown, so the caller sees why.
    /// An unreachable provider leaves a token that has not expired yet in use.
    func fetchWithClientCredentials(_ request: AccessTokenRequest, replacing current: StoredOAuthTokens?, forced: Bool) throws
        -> String?
    {
        let clientSecret = try credentials.database.read { conn in
            try OAuthIntegration.load(
                conn, companyID: credentials.companyID, integrationID: request.integrationID, vault: credentials.vault
            )
            .clientSecret
        }
        let endpoint = TokenEndpoint(client: client, settings: request.settings, clientSecret: clientSecret, clock: credentials.clock)
        let fresh: OAuthTokens
        switch Result(catching: { () throws(TokenEndpointError) -> OAuthTokens in try endpoint.clientCredentials() }) {
        case .success(let tokens): fresh = tokens
        case .failure(let error) where error.rejectsClient:
            guard let current else { throw error }
            let marked = try credentials.markNeedsReconnection(
                integrationID: request.integrationID, userID: nil, expectedVersion: current.version, by: .system)
            return marked ? nil : try winner(request)
        case .failure(let error):
            if !forced, let current, let expiresAt = current.tokens.expiresAt, expiresAt > credentials.clock.now() {
                return current.tokens.accessToken
            }
            throw error
        }
        do {
            try credentials.saveOAuthTokens(
                integrationID: request.integrationID, userID: nil, tokens: fresh, expectedVersion: current?.version ?? 0, by: .system)
            return fresh.accessToken
        } catch let error as DomainError where error.code == .conflict {
            return try winner(request)
        }
    }

    /// Whether the company's client-credentials connection is marked as rejected: no token is
    /// asked for until an admin saves the integration again.
    func isRejectedClient(_ request: AccessTokenRequest) throws -> Bool {
        try credentials.oauthTokens(integrationID: request.integrationID, userID: nil)?.needsReconnection == true
    }
}
