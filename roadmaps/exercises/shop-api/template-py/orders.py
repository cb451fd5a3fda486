"""Milestone 3: POST /carts/{id}/checkout and GET /orders/{id}. Milestone 5: the Idempotency-Key header."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from psycopg import AsyncConnection

from db import pool
from web import error, parse_id

router = APIRouter()

_ = (Request, JSONResponse, pool, error, parse_id)  # what the routes below will need


class Refused(Exception):
    """A checkout that must not happen. Raise it inside `async with conn.transaction():` and the
    transaction rolls back: nothing it did stays. The route answers {"error": message} with status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def load_order(conn: AsyncConnection[Any], order_id: int) -> dict[str, Any] | None:
    """The order as clients see it, or None.

    TODO (milestone 3): {"id", "status", "items": [{"sku", "quantity", "price_cents"}] ordered by sku,
    "total_cents"}: the prices the order was placed at, not today's.
    """
    return None


async def checkout(conn: AsyncConnection[Any], cart_id: int, key: str | None) -> int:
    """Turns the cart into an order and returns the order's id.

    TODO (milestone 3): all of it in ONE transaction (async with conn.transaction():):
      1. the cart, locked (SELECT ... FOR UPDATE): unknown -> Refused(404). Already made an order
         -> Refused(409): a cart checks out once, even when two requests for it come at once;
      2. its lines with their products, locked too (FOR UPDATE OF the products, in id order): no line
         -> Refused(400); any line with more than the stock left -> Refused(409), and nothing changes;
      3. take the units out of stock, insert the order (status pending_payment, total_cents) and its
         items (sku, quantity and price now). Insert the order last: a refused checkout must not use
         up an order id (the first order in a fresh database is order 1).
      Without the locks, two checkouts can both read "2 left" and both sell them.

    TODO (milestone 5): when key is not None: a key already stored for this cart returns that order
      (a retry: nothing new); stored for another cart -> Refused(422). A successful checkout stores
      the key with its order in the same transaction. A refused one stores nothing.
    """
    raise Refused(501, "Checkout is not written yet")


# TODO (milestone 3): POST /carts/{cart_id}/checkout: 201 with the order (load_order) or the
#   Refused's status and {"error": message}. Unknown or non-numeric cart id: 404.
#   Milestone 5: pass request.headers.get("idempotency-key") to checkout.

# TODO (milestone 3): GET /orders/{order_id}: 200 with the order, 404 when there is none.
