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

_ = (hashlib, hmac, json, Request, JSONResponse, pool, error, is_int)  # what the code below will need

# A real secret comes from configuration, never the code; the fallback is for trying it by hand only.
WEBHOOK_SECRET = os.environ.get("WEBHOOK_SECRET") or "whsec_dev_only_change_me"


def signature_is_valid(header: str | None, body: bytes, secret: str) -> bool:
    """TODO (milestone 4): header is "t=<unix time>,v1=<hex>". True when the hex is
    HMAC-SHA256(secret, "<t>." + the raw body) in lower-case hex. Missing header, no t or no v1: False.
    Compare with hmac.compare_digest, never with ==."""
    return False


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def apply_event(conn: AsyncConnection[Any], event_id: str, kind: str, order_id: int, amount: Any) -> None:
    """TODO (milestone 4): in one transaction, with the order locked (FOR UPDATE), in this order:
      - unknown order: Refused(404);
      - an event id handled before: nothing (store each id in payment_events; its primary key makes a
        second INSERT ... ON CONFLICT DO NOTHING insert nothing, even when both come at once);
      - an order that is no longer pending_payment: nothing;
      - payment.succeeded for another amount than the order's total_cents: Refused(422), which rolls
        the event id back too, and the order stays pending;
      - payment.succeeded: status "paid"; payment.failed: status "payment_failed" and the order's units
        go back into stock.
    Refused works as in orders.py: raise it inside the transaction block; the route answers its status.
    """


# TODO (milestone 4): POST /webhooks/payments:
#   1. body = await request.body(): the raw bytes, read before anything parses them;
#   2. signature_is_valid(request.headers.get("payment-signature"), body, WEBHOOK_SECRET), else 400;
#   3. json.loads(body): {"id": "evt_...", "type": "payment.succeeded" | "payment.failed",
#      "data": {"order_id": 1, "amount_cents": 4500}}; not that shape: 400;
#   4. apply_event(...), then 200 {"received": true} (also for a duplicate or a non-pending order).
