"""Milestone 4: POST /webhooks/payments, the payment provider telling the shop how a payment went."""

import hashlib
import hmac
import json
import os
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from psycopg import AsyncConnection

from db import pool
from web import error, is_int

router = APIRouter()

# A real secret comes from configuration, never the code; the fallback is for trying it by hand only.
WEBHOOK_SECRET = os.environ.get("WEBHOOK_SECRET") or "whsec_dev_only_change_me"


def signature_is_valid(header: str | None, body: bytes, secret: str) -> bool:
    """Payment-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, "<t>." + raw body)>. There may be
    more than one v1 (while the provider rolls its secret over); one matching is enough."""
    if not header:
        return False
    timestamp, signatures = None, []
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t":
            timestamp = value
        elif name == "v1":
            signatures.append(value)
    if not timestamp or not signatures:
        return False
    # Over the bytes exactly as they arrived: parsed and serialised again, the JSON could differ.
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest().encode()
    # compare_digest takes as long whatever the first wrong character: no timing hints for an attacker.
    return any(hmac.compare_digest(expected, signature.encode()) for signature in signatures)


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def apply_event(conn: AsyncConnection[Any], event_id: str, kind: str, order_id: int, amount: Any) -> None:
    """Applies one event at most once. Raises Refused (and changes nothing) when it must not apply."""
    async with conn.transaction():
        # Lock the order: two deliveries of events for it take turns.
        order = await (
            await conn.execute("SELECT id, status, total_cents FROM orders WHERE id = %s FOR UPDATE", (order_id,))
        ).fetchone()
        if order is None:
            raise Refused(404, f"No order {order_id}")
        # The primary key remembers every event handled: a second delivery inserts nothing.
        new = await (
            await conn.execute(
                "INSERT INTO payment_events (id, type, order_id) VALUES (%s, %s, %s) ON CONFLICT (id) DO NOTHING RETURNING id",
                (event_id, kind, order_id),
            )
        ).fetchone()
        if new is None or order["status"] != "pending_payment":
            return  # already handled, or the order is paid or failed already: nothing more to do
        if kind == "payment.succeeded":
            if amount != order["total_cents"]:
                # Raising rolls back the event id too: the provider may deliver a corrected event.
                raise Refused(422, f"amount_cents {amount} is not the order's total {order['total_cents']}")
            await conn.execute("UPDATE orders SET status = 'paid' WHERE id = %s", (order_id,))
        else:
            await conn.execute("UPDATE orders SET status = 'payment_failed' WHERE id = %s", (order_id,))
            # The units go back on the shelf, in product id order like checkout locks them.
            lines = await (
                await conn.execute(
                    "SELECT product_id, quantity FROM order_items WHERE order_id = %s ORDER BY product_id", (order_id,)
                )
            ).fetchall()
            for line in lines:
                await conn.execute(
                    "UPDATE products SET stock = stock + %s WHERE id = %s", (line["quantity"], line["product_id"])
                )


@router.post("/webhooks/payments")
async def payment_webhook(request: Request) -> JSONResponse:
    body = await request.body()
    if not signature_is_valid(request.headers.get("payment-signature"), body, WEBHOOK_SECRET):
        return error(400, "Missing or invalid Payment-Signature")
    try:
        event = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return error(400, "The body must be valid JSON")
    data = event.get("data") if isinstance(event, dict) else None
    if not isinstance(event, dict) or not isinstance(data, dict):
        return error(400, "An event is {id, type, data: {order_id, amount_cents}}")
    event_id, kind, order_id = event.get("id"), event.get("type"), data.get("order_id")
    if not isinstance(event_id, str) or not event_id or not isinstance(kind, str) or not is_int(order_id):
        return error(400, "An event needs an id, a type and data.order_id")
    if kind == "payment.succeeded" and not is_int(data.get("amount_cents")):
        return error(400, "data.amount_cents must be a whole number of cents")
    if not 0 < order_id < 2**63:
        return error(404, f"No order {order_id}")
    if kind not in ("payment.succeeded", "payment.failed"):
        return JSONResponse({"received": True})  # other kinds of events: nothing to do with them here
    try:
        async with pool.connection() as conn:
            await apply_event(conn, event_id, kind, order_id, data.get("amount_cents"))
    except Refused as refused:
        return error(refused.status, str(refused))
    return JSONResponse({"received": True})
