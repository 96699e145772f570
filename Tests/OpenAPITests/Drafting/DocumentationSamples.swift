/// Documentation written for these tests in the styles real APIs publish.
enum DocumentationSamples {
    /// A REST reference: a stated base URL, bearer authentication, Markdown parameter tables.
    static let restReference = """
        # Acme Orders API reference

        Base URL: https://api.acme.test/v1

        Every request needs an `Authorization: Bearer <token>` header.

        ## List orders

        GET /orders

        Query parameters

        | Name | Type | Required | Description |
        |------|------|----------|-------------|
        | status | string | no | Only orders in this state: `open`, `shipped` |
        | limit | integer | no | Page size, at most 100 |
        | customer_id | string | yes | The customer whose orders to list |

        Response

        ```json
        {"data": [{"id": "ord_1", "total": 12.5, "created_at": "2024-01-02T03:04:05Z"}], "has_more": false}
        ```

        ## Retrieve an order

        GET /orders/{order_id}

        | Parameter | In | Type | Required | Description |
        | --- | --- | --- | --- | --- |
        | order_id | path | string | yes | The order |
        | expand | query | string[] | no | Related objects to include |

        ## Create an order

        POST /orders

        Body parameters

        | Field | Type | Required | Description |
        | :-- | :-- | :-: | --- |
        | customer_id | string | yes | Who is buying |
        | items | array of objects | yes | What is bought |
        | note | string | no | Shown on the packing slip |

        ## Cancel an order

        DELETE /orders/{order_id}

        Only open orders can be cancelled; see https://status.acme.test for incidents.
        """

    /// A quick start made only of curl commands against full URLs, with basic authentication.
    static let curlQuickStart = """
        Quick start

        Create a customer:

            curl https://api.paynow.test/v2/customers \\
              -u sk_test_123: \\
              -d email="jane@example.com" \\
              -d name="Jane"

        Fetch it:

            $ curl https://api.paynow.test/v2/customers/cus_9fQ2 -u sk_test_123:

        List charges for a customer:

            curl -G https://api.paynow.test/v2/charges -u sk_test_123: -d customer=cus_9fQ2 -d limit=3

        Refund a charge:

            curl -X POST https://api.paynow.test/v2/charges/ch_1/refunds \\
              -H "Idempotency-Key: 8e03978e" \\
              -H "Content-Type: application/json" \\
              -u sk_test_123: \\
              --data-raw '{"amount": 500, "reason": "requested_by_customer", "metadata": {"order": "A1"}}'
        """

    /// A Markdown README-style page: `:id` paths, an API key header, parameter lists, fenced JSON.
    static let markdownPage = """
        # Notes Service

        All requests go to https://notes.example.test/api and need your key in the `X-API-Key` header.

        ### `GET /notes`

        Returns all notes.

        - `tag` (string, optional) — only notes with this tag
        - `page` (integer) — page number, from 1

        ### `POST /notes`

        Request:

        ```json
        { "title": "Groceries", "body": "milk", "tags": ["home"], "pinned": false }
        ```

        Response:

        ```json
        { "id": 42, "title": "Groceries", "created": "2024-05-01T10:00:00Z", "owner": { "id": 7, "email": "ann@example.test" } }
        ```

        ### `PATCH /notes/:id`

        Updates a note.

        ### `DELETE /notes/:id`

        ### `GET /internal/health`

        Used by our load balancer.
        """
}
