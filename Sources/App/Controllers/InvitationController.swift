import Core
import HTTPCore
import Web

/// Opening and accepting an invitation link.
///
/// Routes:
/// - `GET  /invitations/:token`  who it is for, and the way to accept (sign in, or set a password)
/// - `POST /invitations/:token`  joins the company; a new account signs in at once
struct InvitationController {
    let services: AppServices
    let pages: PageRenderer
    let sessions: SessionStore

    private var invitations: Invitations {
        Invitations(database: services.database, hasher: services.hasher, clock: services.clock)
    }

    func addRoutes(to router: RouteGroup<AppRequestContext>) {
        router.get("/invitations/:token") { request, context in
            try page(token: try request.parameters.require("token"), FormState(), context: context)
        }
        router.post("/invitations/:token") { request, context in
            let token = try request.parameters.require("token")
            let form = try request.form()
            let acceptor: Invitations.Acceptor =
                if let user = context.user { .existingUser(id: user.id) } else {
                    .newAccount(name: form["name"] ?? "", password: form["password"] ?? "")
                }
            do {
                let (user, company) = try invitations.accept(token: token, as: acceptor, clientAddress: context.clientAddress)
                var response = Redirects(services: services).to("/", Flash(.success, "You joined \(company.name)."))
                if let session = context.session {
                    try sessions.switchCompany(idHash: session.idHash, to: company.id)
                } else {
                    let (sessionToken, _) = try sessions.create(
                        userID: user.id, companyID: company.id, clientAddress: context.clientAddress, userAgent: request.headers["User-Agent"])
                    response.setCookie(SessionMiddleware(services: services).cookie(SessionMiddleware.sessionCookie, sessionToken))
                    response.setCookie(SetCookie.expired(SessionMiddleware.preSessionCookie))
                    context.outgoingCookies.removeAll { $0.name == SessionMiddleware.preSessionCookie }
                }
                return response
            } catch let errors as FormErrors {
                return try page(token: token, FormState(values: ["name": form["name"] ?? ""], errors: errors), context: context, status: .unprocessableContent)
            } catch let error as DomainError where error.code != .notFound {
                return try page(token: token, FormState(values: ["name": form["name"] ?? ""], error: error), context: context, status: error.status)
            }
        }
    }

    private func page(token: String, _ state: FormState, context: AppRequestContext, status: HTTPStatus = .ok) throws -> HTTPResponse {
        guard let invitation = try invitations.find(token: token), invitation.isOpen(at: services.clock.now()) else {
            throw DomainError(.notFound, "This invitation link has expired or was already used. Ask whoever invited you for a new one.")
        }
        let existing = try AccountDirectory(database: services.database).user(email: invitation.email)
        let signedInAsInvitee = context.user?.email.lowercased() == invitation.email.lowercased()
        return try pages.render(
            "invitations/accept", title: "Join \(invitation.company.name)", context: context, status: status,
            [
                "invitation": [
                    "company": .string(invitation.company.name), "email": .string(invitation.email),
                    "role": .string(invitation.role.label), "expires": .string(DisplayDate.format(invitation.expiresAt)),
                ],
                "action": .string("/invitations/" + PercentEncoding.encode(token)),
                "form": state.templateValue,
                "signedInAsInvitee": .bool(signedInAsInvitee),
                "signedInAsSomeoneElse": .bool(context.user != nil && !signedInAsInvitee),
                "mustSignIn": .bool(context.user == nil && existing != nil),
                "signInLink": .string("/sign-in?next=" + PercentEncoding.encode("/invitations/" + token)),
                "createsAccount": .bool(context.user == nil && existing == nil),
                "minimumPasswordLength": .int(AccountRules.minimumPasswordLength),
            ])
    }
}
