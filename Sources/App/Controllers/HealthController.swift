import HTTPCore
import Web

/// Liveness for load balancers and operators.
///
/// Routes:
/// - `GET /healthz` → 200 `{"status":"ok","version":"…"}`
struct HealthController {
    let version: String

    func addRoutes(to router: Router<AppRequestContext>) {
        let body = Array(#"{"status":"ok","version":\#(JSONText.quoted(version))}"#.utf8)
        router.get("/healthz", options: RouteOptions(maxBodyBytes: 0, inline: true)) { _, _ in
            var response = HTTPResponse.json(body)
            response.headers.add("Cache-Control", "no-store")
            return response
        }
    }
}
