import Core
import HTTPCore
import Templates
import Web

/// Settings → Members: everyone in the company; Owners invite, change roles, remove, transfer
/// ownership. Admins see the list read-only.
///
/// Routes (Admin and Owner may read; changes are for Owners):
/// - `GET  /settings/members`
/// - `POST /settings/members/invite`               email, role → a one-time link to copy
/// - `POST /settings/members/:userID/role`         role
/// - `POST /settings/members/:userID/remove`
/// - `POST /settings/members/:userID/transfer`     makes them Owner; you become Admin
/// - `POST /settings/invitations/:invitationID/revoke`
struct MembersController {
    let services: AppServices
    let pages: PageRenderer

    func addRoutes(admins: RouteGroup<AppRequestContext>, owners: RouteGroup<AppRequestContext>) {
        admins.get("/settings/members") { _, context in try page(FormState(values: ["role": "member"]), context: context) }
        owners.post("/settings/members/invite") { request, context in
            let form = try request.form()
            let email = form["email"] ?? ""
            let roleName = form["role"] ?? ""
            guard let role = Role(rawValue: roleName) else {
                return try page(
                    FormState(values: ["email": email], error: DomainError(.invalid, "Choose a role.", field: "role")), context: context,
                    status: .unprocessableContent)
            }
            do {
                let token = try directory(context).invite(email: email, role: role, by: context.actor)
                let link = context.baseURL + "/invitations/" + token
                return Redirects(services: services).to(
                    "/settings/members",
                    Flash(.success, "Invitation created for \(email.trimmingCharacters(in: .whitespaces).lowercased()). Copy the link and send it; it works once, for 7 days.", link: link))
            } catch let error as DomainError where error.field != nil {
                return try page(FormState(values: ["email": email, "role": roleName], error: error), context: context, status: error.status)
            }
        }
        owners.post("/settings/members/:userID/role") { request, context in
            let userID = try request.parameters.require("userID")
            guard let role = Role(rawValue: try request.form()["role"] ?? "") else { throw DomainError(.invalid, "Choose a role.") }
            return try change(context) { try directory(context).changeRole(of: userID, to: role, by: context.actor) }
                success: { "Role changed to \(role.label)." }
        }
        owners.post("/settings/members/:userID/remove") { request, context in
            let userID = try request.parameters.require("userID")
            return try change(context) { try directory(context).remove(userID, by: context.actor) } success: { "Member removed." }
        }
        owners.post("/settings/members/:userID/transfer") { request, context in
            let userID = try request.parameters.require("userID")
            return try change(context) { try directory(context).transferOwnership(to: userID, by: context.actor) }
                success: { "Ownership transferred. You are now an Admin." }
        }
        owners.post("/settings/invitations/:invitationID/revoke") { request, context in
            let id = try request.parameters.require("invitationID")
            return try change(context) { try directory(context).revokeInvitation(id: id, by: context.actor) } success: { "Invitation revoked." }
        }
    }

    private func directory(_ context: AppRequestContext) throws -> MemberDirectory {
        guard let company = context.company else { throw HTTPError(.notFound) }
        return MemberDirectory(database: services.database, companyID: company.id, clock: services.clock, policy: services.policy)
    }

    /// Runs a change and returns to the list with its outcome; ids of another company are 404.
    private func change(_ context: AppRequestContext, _ body: () throws -> Void, success: () -> String) throws -> HTTPResponse {
        do {
            try body()
            return Redirects(services: services).to("/settings/members", Flash(.success, success()))
        } catch let error as DomainError where error.code == .conflict || error.code == .invalid {
            return Redirects(services: services).to("/settings/members", Flash(.error, error.message))
        }
    }

    private func page(_ state: FormState, context: AppRequestContext, status: HTTPStatus = .ok) throws -> HTTPResponse {
        let directory = try directory(context)
        let isOwner = context.role == .owner
        let me = context.user?.id
        let members: [TemplateValue] = try directory.members().map { member in
            let isMe = member.user.id == me
            return [
                "id": .string(member.user.id), "name": .string(member.user.label), "email": .string(member.user.email),
                "role": .string(member.role.label), "joined": .string(DisplayDate.format(member.joinedAt)),
                "isMe": .bool(isMe), "canChange": .bool(isOwner),
                "roles": .list(Role.allCases.reversed().map { role in
                    ["value": .string(role.rawValue), "label": .string(role.label), "selected": .bool(role == member.role)]
                }),
                "canTransfer": .bool(isOwner && !isMe),
            ]
        }
        let invitations: [TemplateValue] = try directory.openInvitations().map { invitation in
            [
                "id": .string(invitation.id), "email": .string(invitation.email), "role": .string(invitation.role.label),
                "expires": .string(DisplayDate.format(invitation.expiresAt)),
            ]
        }
        let selectedRole = state.values["role"] ?? "member"
        return try pages.render(
            "settings/members", title: "Members", context: context, status: status,
            [
                "members": .list(members), "invitations": .list(invitations), "isOwner": .bool(isOwner),
                "company": .string(context.company?.name ?? ""), "form": state.templateValue,
                "inviteRoles": .list(Role.allCases.map { role in
                    ["value": .string(role.rawValue), "label": .string(role.label), "selected": .bool(role.rawValue == selectedRole)]
                }),
            ])
    }
}
