import Core
import HTTPCore
import Web

/// Signing up, in and out.
///
/// Routes:
/// - `GET  /sign-in`, `POST /sign-in`   email and password; `next` returns where the user was going
/// - `POST /sign-out`                    ends the session server-side
/// - `GET  /sign-up`, `POST /sign-up`   a new company and its first Owner (unless turned off)
struct AuthController {
    let services: AppServices
    let pages: PageRenderer
    let signIn: SignIn
    let sessions: SessionStore

    func addRoutes(to router: RouteGroup<AppRequestContext>) {
        router.get("/sign-in") { request, context in
            if context.user != nil { return .redirect(to: AccountRules.safeReturnPath(request.query["next"]) ?? "/") }
            return try signInPage(FormState(values: ["next": request.query["next"] ?? ""]), context: context)
        }
        router.post("/sign-in") { request, context in try signIn(request, &context) }
        router.post("/sign-out") { _, context in
            if let session = context.session { try sessions.delete(idHash: session.idHash) }
            var response = HTTPResponse.redirect(to: "/sign-in")
            response.setCookie(SetCookie.expired(SessionMiddleware.sessionCookie))
            response.setCookie(flashCookie(Flash(.info, "You are signed out.")))
            return response
        }
        router.get("/sign-up") { _, context in
            try requireSignUpEnabled()
            return try signUpPage(FormState(), context: context)
        }
        router.post("/sign-up") { request, context in try signUp(request, &context) }
    }

    private func signIn(_ request: Request, _ context: inout AppRequestContext) throws -> HTTPResponse {
        let form = try request.form()
        let email = form["email"] ?? ""
        let next = form["next"] ?? ""
        do {
            let user = try signIn.signIn(email: email, password: form["password"] ?? "", clientAddress: context.clientAddress)
            let companies = try AccountDirectory(database: services.database).memberships(userID: user.id)
            var response = HTTPResponse.redirect(to: AccountRules.safeReturnPath(next) ?? "/")
            try startSession(user: user, companyID: companies.first?.company.id, request: request, context: &context, response: &response)
            return response
        } catch let error as DomainError {
            var state = FormState(values: ["email": email, "next": next])
            state.message = error.message
            var response = try signInPage(state, context: context, status: error.status)
            response.headers = response.headers.merging(error.headers)
            return response
        }
    }

    private func signUp(_ request: Request, _ context: inout AppRequestContext) throws -> HTTPResponse {
        try requireSignUpEnabled()
        let form = try request.form()
        let values = ["company": form["company"] ?? "", "name": form["name"] ?? "", "email": form["email"] ?? ""]
        do {
            let (user, company) = try SignUp(database: services.database, hasher: services.hasher, clock: services.clock, policy: services.policy)
                .signUp(
                    SignUp.Form(companyName: values["company"] ?? "", name: values["name"] ?? "", email: values["email"] ?? "",
                                password: form["password"] ?? ""), actorAddress: context.clientAddress)
            var response = HTTPResponse.redirect(to: "/")
            try startSession(user: user, companyID: company.id, request: request, context: &context, response: &response)
            response.setCookie(flashCookie(Flash(.success, "Welcome to Switchboard. \(company.name) is ready.")))
            return response
        } catch let errors as FormErrors {
            return try signUpPage(FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        }
    }

    /// A new session (new id at every sign-in), its cookie, and the pre-session CSRF cookie cleared.
    private func startSession(
        user: User, companyID: String?, request: Request, context: inout AppRequestContext, response: inout HTTPResponse
    ) throws {
        if let old = context.session { try sessions.delete(idHash: old.idHash) }
        let (token, _) = try sessions.create(
            userID: user.id, companyID: companyID, clientAddress: context.clientAddress, userAgent: request.headers["User-Agent"])
        response.setCookie(SessionMiddleware(services: services).cookie(SessionMiddleware.sessionCookie, token))
        response.setCookie(SetCookie.expired(SessionMiddleware.preSessionCookie))
        context.outgoingCookies.removeAll { $0.name == SessionMiddleware.preSessionCookie }
    }

    private func flashCookie(_ flash: Flash) -> SetCookie {
        SessionMiddleware(services: services).cookie(SessionMiddleware.flashCookie, FlashCookie.encode(flash), maxAge: 120)
    }

    private func requireSignUpEnabled() throws {
        guard services.configuration.signUpEnabled else {
            throw HTTPError(.notFound, "Sign-up is turned off on this server. Ask your administrator for an invitation.")
        }
    }

    private func signInPage(_ state: FormState, context: AppRequestContext, status: HTTPStatus = .ok) throws -> HTTPResponse {
        try pages.render(
            "auth/sign-in", title: "Sign in", context: context, status: status,
            ["form": state.templateValue, "signUpEnabled": .bool(services.configuration.signUpEnabled)])
    }

    private func signUpPage(_ state: FormState, context: AppRequestContext, status: HTTPStatus = .ok) throws -> HTTPResponse {
        try pages.render(
            "auth/sign-up", title: "Create your company", context: context, status: status,
            ["form": state.templateValue, "minimumPasswordLength": .int(AccountRules.minimumPasswordLength)])
    }
}

