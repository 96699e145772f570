import Core
import HTTPCore
import Templates
import Web

/// Settings → Audit log (Admins and Owners): who did what, when, from where.
///
/// Routes:
/// - `GET /settings/audit`   the newest 200 events
struct AuditController {
    let services: AppServices
    let pages: PageRenderer

    func addRoutes(admins: RouteGroup<AppRequestContext>) {
        admins.get("/settings/audit") { _, context in
            guard let company = context.company else { throw HTTPError(.notFound) }
            let events: [TemplateValue] = try AuditLog(database: services.database, companyID: company.id).events(limit: 200).map { event in
                [
                    "when": .string(DisplayDate.format(event.occurredAt)), "iso": .string(DisplayDate.iso(event.occurredAt)),
                    "actor": .string(event.actorEmail ?? (event.actorKind == .system ? "System" : "Deleted user")),
                    "event": .string(Self.describe(event.event)), "code": .string(event.event),
                    "detail": .string(Self.summary(JSONObjectText.decode(event.detail))),
                    "address": .string(event.clientAddress ?? ""),
                    "isFailure": .bool(event.event.hasSuffix("_failed") || event.event.hasSuffix(".refused")),
                ]
            }
            return try pages.render("settings/audit", title: "Audit log", context: context, ["events": .list(events)])
        }
    }

    /// A readable label for an event name; unknown names show as they are.
    static func describe(_ event: String) -> String {
        let labels = [
            "company.created": "Company created", "session.signed_in": "Signed in", "session.sign_in_failed": "Failed sign-in",
            "invitation.created": "Invitation created", "invitation.accepted": "Invitation accepted",
            "invitation.revoked": "Invitation revoked", "member.role_changed": "Role changed", "member.removed": "Member removed",
            "company.ownership_transferred": "Ownership transferred",
            "integration.created": "Integration added", "integration.updated": "Integration changed",
            "integration.reimported": "Schema re-imported", "integration.credentials_rotated": "Secrets replaced",
            "integration.deleted": "Integration deleted", "integration.tested": "Action tested",
            "connection.saved": "Connected", "connection.connected": "Connected with OAuth", "connection.refreshed": "Token refreshed",
            "connection.refused": "Connection refused by the provider", "connection.exchange_failed": "OAuth exchange failed",
            "connection.needs_reconnection": "Needs reconnection", "connection.removed": "Disconnected",
            "agent.created": "Agent created", "agent.updated": "Agent changed", "agent.deleted": "Agent deleted",
            "agent.tools_updated": "Agent tools changed", "action.run": "Action run",
            "pending_action.created": "Write awaiting confirmation", "pending_action.confirmed": "Write confirmed",
            "pending_action.cancelled": "Write cancelled", "pending_action.expired": "Write expired",
            "pending_action.refused": "Confirmation refused", "pending_action.resumed": "Action resumed",
        ]
        return labels[event] ?? event
    }

    static func summary(_ detail: [String: String]) -> String {
        detail.sorted { $0.key < $1.key }.map { "\($0.key.replacingOccurrences(of: "_", with: " ")): \($0.value)" }.joined(separator: " · ")
    }
}
