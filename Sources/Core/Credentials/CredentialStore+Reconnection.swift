import Foundation

extension CredentialStore {
    /// Marks a connection as needing reconnection only if it is still at `expectedVersion`:
    /// a refresh that failed must not condemn tokens another refresh saved meanwhile. Returns
    /// whether it marked.
    @discardableResult
    public func markNeedsReconnection(integrationID: String, userID: String?, expectedVersion: Int, by actor: Actor) throws -> Bool {
        let now = clock.now()
        return try database.write { conn in
            try conn.execute(
                """
                UPDATE credentials SET status = 'needs_reconnection', updated_at = ?
                WHERE company_id = ? AND integration_id = ? AND purpose = 'connection' AND user_id IS ? AND version = ?
                """, now, companyID, integrationID, userID, expectedVersion)
            guard conn.changes == 1 else { return false }
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "connection.needs_reconnection", by: actor, target: ("integration", integrationID))
            return true
        }
    }
}
