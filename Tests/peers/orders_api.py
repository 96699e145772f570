"""An order-and-invoice REST API for Switchboard's tests (FastAPI + uvicorn).

It serves its own OpenAPI document at /openapi.json, guards endpoints with each
authentication method Switchboard injects (bearer, basic, an X-API-Key header, an API key in
the query), and has the awkward endpoints an executor must handle: path, array query, header
and cookie parameters, JSON, form and multipart bodies, a large response, a slow one, a redirect, and one
that echoes the request headers back (to prove redaction).

Run: python orders_api.py [--port 0]. It prints "PORT <n>" on stdout once listening on
127.0.0.1, and exits when its standard input closes (so it never outlives the test process).
Credentials come from the environment (defaults below), so tests can choose their own.
"""

import argparse
import asyncio
import base64
import os
import secrets
import socket
import sys
import threading
from enum import Enum
from typing import Annotated, List, Optional

import uvicorn
from fastapi import Cookie, Depends, FastAPI, Form, Header, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import PlainTextResponse, RedirectResponse
from fastapi.security import APIKeyHeader, APIKeyQuery, HTTPAuthorizationCredentials, HTTPBasic, HTTPBasicCredentials, HTTPBearer
from pydantic import BaseModel, Field

BEARER_TOKEN = os.environ.get("ORDERS_BEARER_TOKEN", "bearer-token-0123456789abcdef")
BASIC_USER = os.environ.get("ORDERS_BASIC_USER", "accountant")
BASIC_PASSWORD = os.environ.get("ORDERS_BASIC_PASSWORD", "basic-password-0123456789")
API_KEY = os.environ.get("ORDERS_API_KEY", "header-key-0123456789abcdef")
QUERY_KEY = os.environ.get("ORDERS_QUERY_KEY", "query-key-0123456789abcdef")

app = FastAPI(title="Orders and Invoices", version="1.0.0", description="Orders, invoices and payments of a small shop.")

bearer = HTTPBearer(auto_error=False)
basic = HTTPBasic(auto_error=False)
header_key = APIKeyHeader(name="X-API-Key", auto_error=False)
query_key = APIKeyQuery(name="api_key", auto_error=False)


def require_bearer(credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(bearer)]):
    if credentials is None or not secrets.compare_digest(credentials.credentials, BEARER_TOKEN):
        raise HTTPException(status_code=401, detail="bearer token required", headers={"WWW-Authenticate": "Bearer"})


def require_basic(credentials: Annotated[Optional[HTTPBasicCredentials], Depends(basic)]):
    if (
        credentials is None
        or not secrets.compare_digest(credentials.username, BASIC_USER)
        or not secrets.compare_digest(credentials.password, BASIC_PASSWORD)
    ):
        raise HTTPException(status_code=401, detail="basic credentials required", headers={"WWW-Authenticate": "Basic"})


def require_header_key(key: Annotated[Optional[str], Depends(header_key)]):
    if key is None or not secrets.compare_digest(key, API_KEY):
        raise HTTPException(status_code=401, detail="X-API-Key required")


def require_query_key(key: Annotated[Optional[str], Depends(query_key)]):
    if key is None or not secrets.compare_digest(key, QUERY_KEY):
        raise HTTPException(status_code=401, detail="api_key query parameter required")


class OrderStatus(str, Enum):
    open = "open"
    shipped = "shipped"
    cancelled = "cancelled"


class LineItem(BaseModel):
    sku: str = Field(min_length=1)
    quantity: int = Field(ge=1)


class NewOrder(BaseModel):
    customer: str
    items: List[LineItem] = Field(min_length=1)
    note: Optional[str] = None


class Order(NewOrder):
    id: int
    status: OrderStatus


class NewInvoice(BaseModel):
    order_id: int
    amount_cents: int = Field(ge=1)
    currency: str = Field(pattern="^[A-Z]{3}$")


class Invoice(NewInvoice):
    id: int


ORDERS = {
    1: Order(id=1, customer="Ada", items=[LineItem(sku="BOOK-1", quantity=2)], status=OrderStatus.open, note=None),
    2: Order(id=2, customer="Brian", items=[LineItem(sku="PEN-9", quantity=1)], status=OrderStatus.shipped, note=None),
}
INVOICES: dict = {}
LOCK = threading.Lock()


@app.get("/orders", operation_id="listOrders", summary="List orders", dependencies=[Depends(require_bearer)])
def list_orders(
    status: Optional[OrderStatus] = None,
    tag: Annotated[List[str], Query()] = [],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict:
    orders = [o for o in ORDERS.values() if status is None or o.status == status]
    return {"orders": [o.model_dump() for o in orders[:limit]], "tags": tag, "limit": limit}


@app.get("/orders/{order_id}", operation_id="getOrder", summary="Get an order", dependencies=[Depends(require_bearer)])
def get_order(order_id: Annotated[int, Path(ge=1)]) -> Order:
    order = ORDERS.get(order_id)
    if order is None:
        raise HTTPException(status_code=404, detail=f"no order {order_id}")
    return order


@app.post("/orders", operation_id="createOrder", summary="Create an order", status_code=201, dependencies=[Depends(require_bearer)])
def create_order(order: NewOrder) -> Order:
    with LOCK:
        created = Order(id=max(ORDERS) + 1, status=OrderStatus.open, **order.model_dump())
        ORDERS[created.id] = created
    return created


@app.get("/invoices", operation_id="listInvoices", summary="List invoices", dependencies=[Depends(require_basic)])
def list_invoices() -> dict:
    with LOCK:
        return {"invoices": [i.model_dump() for i in INVOICES.values()]}


@app.post("/invoices", operation_id="createInvoice", summary="Create an invoice", status_code=201, dependencies=[Depends(require_header_key)])
def create_invoice(invoice: NewInvoice) -> Invoice:
    with LOCK:
        created = Invoice(id=len(INVOICES) + 1, **invoice.model_dump())
        INVOICES[created.id] = created
    return created


@app.get("/invoices/count", operation_id="countInvoices", summary="Count invoices")
def count_invoices() -> dict:
    with LOCK:
        return {"count": len(INVOICES)}


@app.post(
    "/invoices/{invoice_id}/payments",
    operation_id="recordPayment",
    summary="Record a payment",
    status_code=201,
    dependencies=[Depends(require_query_key)],
)
def record_payment(
    invoice_id: int, amount_cents: Annotated[int, Form(ge=1)], method: Annotated[str, Form()], reference: Annotated[str, Form()] = ""
) -> dict:
    return {"invoice_id": invoice_id, "amount_cents": amount_cents, "method": method, "reference": reference}


@app.post(
    "/invoices/{invoice_id}/attachments",
    operation_id="attachFile",
    summary="Attach a file to an invoice",
    status_code=201,
    dependencies=[Depends(require_query_key)],
)
async def attach_file(
    invoice_id: int, file: UploadFile, note: Annotated[str, Form()] = "", tags: Annotated[list[str], Form()] = []
) -> dict:
    content = await file.read()
    return {
        "invoice_id": invoice_id, "filename": file.filename, "size": len(content),
        "text": content.decode("utf-8", "replace"), "note": note, "tags": tags,
    }


@app.get("/reports/large", operation_id="largeReport", summary="A large report")
def large_report(rows: Annotated[int, Query(ge=1, le=100000)] = 2000) -> dict:
    return {"rows": [{"line": n, "text": f"line {n} of the large report"} for n in range(rows)]}


@app.get("/reports/slow", operation_id="slowReport", summary="A slow report")
async def slow_report(seconds: Annotated[float, Query(ge=0, le=30)] = 1.0) -> dict:
    await asyncio.sleep(seconds)
    return {"waited": seconds}


@app.get("/moved", operation_id="movedReport", summary="A report that moved")
def moved(to: str = "/invoices/count") -> RedirectResponse:
    # An open redirect on purpose: tests point it at addresses the egress policy must refuse.
    return RedirectResponse(url=to, status_code=302)


@app.get("/echo/headers", operation_id="echoHeaders", summary="Echo the request headers")
def echo_headers(
    request: Request,
    x_trace_id: Annotated[Optional[str], Header()] = None,
    session_hint: Annotated[Optional[str], Cookie()] = None,
) -> dict:
    return {
        "headers": {name: value for name, value in request.headers.items()},
        "query": str(request.url.query),
        "trace": x_trace_id,
        "cookie": session_hint,
    }


@app.get("/echo/secret", operation_id="echoSecret", summary="Echo the bearer token", dependencies=[Depends(require_bearer)])
def echo_secret(request: Request) -> dict:
    token = request.headers.get("authorization", "").removeprefix("Bearer ")
    return {"you_sent": token, "again": f"token={token};"}


SPLIT_SCHEMA = {
    "openapi.yaml": """openapi: 3.0.3
info: {title: Split Orders, version: "1"}
paths:
  /orders/{order_id}:
    get:
      operationId: getOrder
      summary: Get an order
      parameters: [{$ref: "parts/parameters.yaml#/OrderID"}]
      responses:
        "200":
          description: the order
          content: {application/json: {schema: {$ref: "parts/schemas.yaml#/Order"}}}
""",
    "parts/parameters.yaml": """OrderID: {name: order_id, in: path, required: true, schema: {type: integer, minimum: 1}}
""",
    "parts/schemas.yaml": """Order:
  type: object
  properties: {id: {type: integer}, customer: {type: string}}
""",
}


@app.get("/schemas/split/{name:path}", include_in_schema=False)
def split_schema(name: str) -> PlainTextResponse:
    """A schema in three files joined by relative $refs, to import over HTTP."""
    if name not in SPLIT_SCHEMA:
        raise HTTPException(status_code=404, detail="no such file")
    return PlainTextResponse(SPLIT_SCHEMA[name], media_type="application/yaml")


def exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    arguments = parser.parse_args()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted sockets inherit TCP_NODELAY on Linux: without it, a response written in two parts
    # waits for the client's delayed ACK (40 ms per call).
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    listener.bind(("127.0.0.1", arguments.port))
    listener.listen(128)
    print(f"PORT {listener.getsockname()[1]}", flush=True)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_keep_alive=30)
    uvicorn.Server(config).run(sockets=[listener])


if __name__ == "__main__":
    main()
