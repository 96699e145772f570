import Core
import HTTPCore
import Templates
import Web

/// The signed-in home page and the company switcher.
///
/// Routes:
/// - `GET  /`                  the current company at a glance; signed-out visitors go to sign-in
/// - `POST /companies/switch`  company_id → work in another of your companies
struct HomeController {
    let services: AppServices
    let pages: PageRenderer
    let sessions: SessionStore

    func addRoutes(signedIn: RouteGroup<AppRequestContext>) {
        signedIn.get("/") { _, context in
            var values: [String: TemplateValue] = [:]
            if let company = context.company, let role = context.role {
                let members = try MemberDirectory(database: services.database, companyID: company.id).members()
                values = [
                    "company": .string(company.name), "role": .string(role.label), "memberCount": .int(members.count),
                    "canViewAdministration": .bool(role.canViewAdministration), "isOwner": .bool(role == .owner),
                ]
            }
            return try pages.render("home/index", title: context.company?.name ?? "Home", context: context, values)
        }
        signedIn.post("/companies/switch") { request, context in
            let companyID = try request.form()["company_id"] ?? ""
            guard let session = context.session, let membership = context.memberships.first(where: { $0.company.id == companyID }) else {
                throw HTTPError(.notFound, "You are not a member of that company.")
            }
            try sessions.switchCompany(idHash: session.idHash, to: companyID)
            return Redirects(services: services).to("/", Flash(.info, "You are now working in \(membership.company.name)."))
        }
    }
}
