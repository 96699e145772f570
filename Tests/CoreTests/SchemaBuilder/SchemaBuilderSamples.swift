/// Documentation written for the schema builder tests: an HTML reference page and a plain-text
/// reference laid out in columns, as a PDF of it reads.
enum SchemaBuilderSamples {
    /// A billing API reference as a documentation site serves it: navigation, scripts, a
    /// parameter table, code blocks with entities, and some malformed markup.
    static let billingPage = """
        <!DOCTYPE html>
        <html><head><title>Billing API</title><style>body { color: red; } .x > p { }</style>
        <script>var endpoints = "GET /should/not/appear"; if (a < b) {}</script></head>
        <body>
        <nav><a href="/">Home</a> <a href="/internal">GET /nav/link</a></nav>
        <main>
        <h1>Billing API</h1>
        <p>The base URL is <code>https://billing.example.test/v1</code>.</p>
        <p>Authentication uses OAuth 2.0: send users to <code>https://auth.example.test/oauth/authorize</code> and exchange
        codes at <code>https://auth.example.test/oauth/token</code>.</p>
        <p>Then send <code>Authorization: Bearer &lt;access_token&gt;</code> with every request.</p>
        <h2>Invoices</h2>
        <h3><code>GET /invoices</code> &mdash; List invoices</h3>
        <table>
        <thead><tr><th>Parameter</th><th>Type</th><th>Required</th><th>Description</th></tr></thead>
        <tbody>
        <tr><td><code>status</code></td><td>string</td><td>No</td><td>One of <em>draft</em>, <em>open</em> | <em>paid</em></td></tr>
        <tr><td><code>customer</code></td><td>string</td><td>Yes</td><td>Customer id
        <tr><td><code>limit</code></td><td>integer</td><td>No</td><td>1&ndash;100</td></tr>
        </tbody></table>
        <h3>Create an invoice</h3>
        <pre><code class="language-bash">curl -X POST https://billing.example.test/v1/invoices \\
          -H &quot;Authorization: Bearer $TOKEN&quot; \\
          -H &quot;Content-Type: application/json&quot; \\
          -d '{&quot;customer&quot;: &quot;cus_1&quot;, &quot;lines&quot;: [{&quot;amount&quot;: 1200, &quot;description&quot;: &quot;Seat&quot;}]}'
        </code></pre>
        <p>Response:</p>
        <pre><code class="language-json">{"id": "in_1", "status": "draft", "total": 1200}</code></pre>
        <h3><code>POST /invoices/{invoice_id}/send</code></h3>
        <ul><li>Sends the invoice by email.</li><li>Only <b>open</b> invoices can be sent.</li></ul>
        <p>Unclosed paragraph <div>stray</span> text & more < 3
        </main>
        <footer>&copy; Example</footer>
        <script>GET /also/not</script>
        </body></html>
        """

    /// A weather API reference in plain columns, on two pages.
    static let weatherPages: [[String]] = [
        [
            "Weather API Reference",
            "Base URL: https://api.weather.test/v3",
            "Authentication: send your key in the X-Api-Key header.",
            "",
            "GET /forecast - Daily forecast",
            "Name        Type      Required   Description",
            "lat         number    yes        Latitude in degrees",
            "lon         number    yes        Longitude in degrees",
            "days        integer   no         Days ahead (1-14)",
        ],
        [
            "GET /stations/{station_id}/observations - Latest observations",
            "Name         Type      Required   Description",
            "station_id   string    yes        Station code",
            "since        string    no         ISO 8601 time",
        ],
    ]
}
